import { setResponseStatus } from 'h3'
import { reachability } from '~~/server/platform/reachability'
import { defineApiHandler } from '~~/server/utils/api-handler'

/** Reachability of Postgres and NATS: 200 when both answer, 503 otherwise. */
export default defineApiHandler(async (event) => {
  const reached = await reachability()
  const healthy = reached.db === 'up' && reached.nats === 'up'
  setResponseStatus(event, healthy ? 200 : 503)
  return { status: healthy ? 'ok' : 'degraded', ...reached }
})
