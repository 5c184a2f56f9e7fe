/**
 * Where a sign-in or registration page goes once it worked: the same-site path in ?redirect= (an
 * open redirect, `//evil.example`, would hand the customer to another site), or `fallback`.
 */
export function useSignedInRedirect(fallback = '/account') {
  const route = useRoute()
  const { fetch: refreshSession } = useUserSession()
  const toast = useToast()
  const target = computed(() => {
    const redirect = route.query.redirect
    return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : fallback
  })
  async function proceed() {
    await refreshSession()
    // A toast from a failed attempt would otherwise linger over the page the customer came for.
    toast.removeAllGroups()
    await navigateTo(target.value, { replace: true })
  }
  return { target, proceed }
}
