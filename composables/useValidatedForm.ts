/**
 * A form that checks its draft on the first submit and, from then on, as the user types, so each
 * message disappears as soon as it is fixed. Issues the server reports land on their fields too.
 */
export function useValidatedForm<D extends object>(draft: D, validate: (draft: D) => Record<string, string>) {
  const errors = ref<Record<string, string>>({})
  const touched = ref(false)
  const { busy: saving, run } = useBusy()

  watch(draft, () => {
    if (touched.value) errors.value = validate(draft)
  })

  function reset() {
    errors.value = {}
    touched.value = false
  }

  /** Runs `action` if the draft is valid; on failure, keeps the server's field issues and shows the error. */
  async function submit(action: () => Promise<void>, failureTitle: string) {
    touched.value = true
    errors.value = validate(draft)
    if (Object.keys(errors.value).length) return
    await run(action, failureTitle, error => (errors.value = fieldIssues(error)))
  }

  return { errors, saving, reset, submit }
}
