/**
 * Light or dark, kept in a cookie so the server renders `<html class="dark">` itself: a class set
 * only after hydration would flash a white page first.
 */
export function useColorScheme() {
  const scheme = useCookie<'light' | 'dark'>('plaza-color-scheme', {
    default: () => 'light',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })
  const isDark = computed(() => scheme.value === 'dark')
  const toggle = () => {
    scheme.value = isDark.value ? 'light' : 'dark'
  }
  return { scheme, isDark, toggle }
}

/** Called once in app.vue; every page then inherits the class on <html>. */
export function useColorSchemeHead() {
  const { isDark } = useColorScheme()
  useHead({ htmlAttrs: { class: computed(() => (isDark.value ? 'dark' : '')) } })
}
