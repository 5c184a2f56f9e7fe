import { setResponseHeader } from 'h3'
import { DOCS_PAGE } from '~~/server/openapi/docs-page'
import { defineApiHandler } from '~~/server/utils/api-handler'

export default defineApiHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
  return DOCS_PAGE
})
