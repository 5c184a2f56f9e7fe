import { openApiDocument } from '~~/server/openapi/document'
import { defineApiHandler } from '~~/server/utils/api-handler'

let document: ReturnType<typeof openApiDocument> | undefined

export default defineApiHandler(() => {
  document ??= openApiDocument('0.1.0')
  return document
})
