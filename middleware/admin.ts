/** Admin pages need the admin session; anyone else goes to the sign-in page and comes back after. */
export default defineNuxtRouteMiddleware((to) => {
  const { loggedIn, user } = useUserSession()
  if (loggedIn.value && user.value?.role === 'admin') return
  return navigateTo({ path: '/admin/login', query: { redirect: to.fullPath } })
})
