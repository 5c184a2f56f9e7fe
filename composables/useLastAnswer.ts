/**
 * The latest answer a request gave, kept while the next one loads: useFetch empties its data when its
 * query changes, and a list that blinks to a skeleton on every filter is harder to follow than one
 * that stays, dimmed, until the new answer replaces it.
 */
export function useLastAnswer<T>(data: Ref<T | null | undefined>): Ref<T | null> {
  const last = shallowRef<T | null>(data.value ?? null)
  watch(data, (value) => {
    if (value) last.value = value
  })
  return last
}
