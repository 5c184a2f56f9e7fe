/** Which rows have a request running, so their buttons wait; a new Set each time, so templates follow. */
export function useBusyIds() {
  const busy = ref(new Set<string>())

  async function during<R>(id: string, work: () => Promise<R>): Promise<R> {
    busy.value = new Set(busy.value).add(id)
    try {
      return await work()
    }
    finally {
      const next = new Set(busy.value)
      next.delete(id)
      busy.value = next
    }
  }

  return { busy, during }
}
