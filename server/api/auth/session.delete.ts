export default defineApiHandler(async (event) => {
  await clearUserSession(event, sessionCookieOptions(event))
  return { user: null }
})
