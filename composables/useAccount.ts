/** Who is signed in, and signing out: here, or everywhere (every session of the admin, or of this customer). */
export function useAccount() {
  const { user, loggedIn, fetch: refreshSession } = useUserSession()
  const notify = useNotify()
  const route = useRoute()
  const { busy, run } = useBusy()

  const isAdmin = computed(() => user.value?.role === 'admin')
  const isCustomer = computed(() => user.value?.role === 'customer')

  async function signOut(everywhere = false) {
    await run(async () => {
      await $fetch(everywhere ? '/api/auth/sessions' : '/api/auth/session', { method: 'DELETE' })
      await refreshSession()
      notify.success(everywhere ? 'Signed out everywhere' : 'Signed out', everywhere ? 'Every other browser and device is signed out too.' : undefined)
      if (route.path.startsWith('/admin') || route.path.startsWith('/account')) await navigateTo('/')
    }, 'Could not sign out')
  }

  return { user, loggedIn, isAdmin, isCustomer, refreshSession, signOut, signingOut: busy }
}
