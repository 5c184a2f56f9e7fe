/**
 * Light or dark, kept in a cookie so the server renders `<html class="dark">` itself: a class set
 * only after hydration would flash a white page first.
 */
export function useColorScheme() {
  // No default on the cookie itself: Nuxt would write the default as a cookie on every first
  // visit, and a page that sets a cookie is kept by no cache (server/utils/page-cache.ts).
  const chosen = useCookie<'light' | 'dark' | undefined>('plaza-color-scheme', {
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })
  const scheme = computed<'light' | 'dark'>({
    get: () => chosen.value ?? 'light',
    set: (value) => {
      chosen.value = value
    },
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
