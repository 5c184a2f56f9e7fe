/** Account pages need a customer session; anyone else goes to the customer sign-in and comes back after. */
export default defineNuxtRouteMiddleware((to) => {
  const { loggedIn, user } = useUserSession()
  if (loggedIn.value && user.value?.role === 'customer') return
  return navigateTo({ path: '/account/sign-in', query: { redirect: to.fullPath } })
})
