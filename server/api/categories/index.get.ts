import { listCategories } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'

export default defineApiHandler(() => listCategories(db()))
