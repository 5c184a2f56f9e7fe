import { getRequestURL } from 'h3'
import { fromCode } from '../utils/http-errors'
import { isReady } from '../utils/readiness'

// Paths that answer without the database: health says what is down, the docs are static.
const ALWAYS_OPEN = [/^\/api\/health(\/live)?$/, /^\/api\/docs/, /^\/api\/openapi\.json$/, /^\/_nuxt\//, /^\/favicon/]

/** Until start-up is done, answer 503 at once rather than hang waiting for the database. */
export default defineEventHandler((event) => {
  if (isReady()) return
  const path = getRequestURL(event).pathname
  if (ALWAYS_OPEN.some(pattern => pattern.test(path))) return
  throw fromCode('UNAVAILABLE', 'Plaza is starting or cannot reach its database; try again shortly')
})
