import { pipelineHealth } from '~~/server/modules/pipeline'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { pipelineNames } from '~~/server/platform/jetstream'
import { nats } from '~~/server/platform/nats'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return pipelineHealth(db(), () => nats(), pipelineNames(config().PLAZA_NATS_PREFIX))
})
