import { idParam } from '~~/server/modules/shared/text'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { redriveDeadLetter } from '~~/server/modules/pipeline'
import { DomainError, notFound } from '~~/server/platform/errors'
import { pipelineNames } from '~~/server/platform/jetstream'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

/** Publishes a dead letter again (through the outbox); 404 when unknown or already redriven. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Dead letter')
  const result = await redriveDeadLetter(db(), id, pipelineNames(config().PLAZA_NATS_PREFIX).relative)
  if (result === 'missing') throw notFound('Dead letter')
  if (result === 'unparseable') throw new DomainError('CONFLICT', 'That dead letter is not JSON and cannot be redriven')
  return { redriven: id }
})
