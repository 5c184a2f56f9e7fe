import { defineApiHandler } from '~~/server/utils/api-handler'

/** Who the caller is: `{ user: null }` when signed out. */
export default defineApiHandler(async (event) => {
  const { user } = await getUserSession(event)
  return { user: user ?? null }
})
