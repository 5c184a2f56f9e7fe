import { idParam, setParticipation } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Store')
  return setParticipation(db(), id, false)
})
