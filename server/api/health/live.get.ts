import { defineApiHandler } from '~~/server/utils/api-handler'

/** Liveness: the process answers. Readiness (database and NATS reachable) is GET /api/health. */
export default defineApiHandler(() => ({ status: 'live', uptimeSeconds: Math.round(process.uptime()) }))
