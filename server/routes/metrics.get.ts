import { getRequestHeader, setResponseHeader } from 'h3'
import { config } from '~~/server/platform/config'
import { DomainError, notFound } from '~~/server/platform/errors'
import { hasBearerToken } from '~~/server/platform/metrics/access'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { webMetrics } from '~~/server/utils/web-metrics'

/**
 * Prometheus metrics of this web process. The web faces the internet, so /metrics exists only when
 * PLAZA_METRICS_TOKEN is set, and then only for `Authorization: Bearer <token>` (404 / 401 otherwise).
 */
export default defineApiHandler(async (event) => {
  const token = config().PLAZA_METRICS_TOKEN
  if (!token) throw notFound('Page')
  if (!hasBearerToken(getRequestHeader(event, 'authorization'), token)) {
    setResponseHeader(event, 'www-authenticate', 'Bearer')
    throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <PLAZA_METRICS_TOKEN>')
  }
  setResponseHeader(event, 'content-type', webMetrics.contentType)
  return webMetrics.metrics()
})
