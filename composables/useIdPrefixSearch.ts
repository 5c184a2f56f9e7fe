import { isUuidPrefix } from '#shared/ids'

/**
 * A search box for the start of an id (the 8 characters pages show, or more): what is typed, the
 * prefix the list filters by (taken after a pause, and only when it can start an id), and why not.
 */
export function useIdPrefixSearch(initial: string, onChange: () => void) {
  const search = ref(initial)
  const prefix = ref(isUuidPrefix(initial.trim()) ? initial.trim().toLowerCase() : '')
  const problem = computed(() => {
    const value = search.value.trim()
    if (!value || isUuidPrefix(value)) return ''
    return value.length > 36 ? 'An id has 36 characters' : 'Ids have only 0–9, a–f, and dashes where an id has them'
  })

  let timer: ReturnType<typeof setTimeout> | undefined
  watch(search, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const next = value.trim().toLowerCase()
      if (problem.value || next === prefix.value) return
      prefix.value = next
      onChange()
    }, 300)
  })
  onScopeDispose(() => clearTimeout(timer))

  function clear() {
    search.value = ''
    prefix.value = ''
  }
  return { search, prefix, problem, clear }
}
