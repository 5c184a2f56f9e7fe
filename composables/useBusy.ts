/** One request a form or a button waits on: `busy` while it runs; a failure becomes a toast. */
export function useBusy() {
  const busy = ref(false)
  const notify = useNotify()

  /** Runs `work`; if it throws, hands the error to `onFailure` (to mark fields) and shows it titled `failureTitle`. */
  async function run(work: () => Promise<void>, failureTitle: string, onFailure?: (error: unknown) => void) {
    busy.value = true
    try {
      await work()
    }
    catch (error) {
      onFailure?.(error)
      notify.failure(failureTitle, error)
    }
    finally {
      busy.value = false
    }
  }

  return { busy, run }
}
