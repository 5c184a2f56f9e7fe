import { setResponseHeader } from 'h3'
import { defineApiHandler } from '~~/server/utils/api-handler'

// A file rather than an inline script, so the docs page needs no 'unsafe-inline' in a content security policy.
const script = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#docs',
  deepLinking: true,
  withCredentials: true,
})`

export default defineApiHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/javascript; charset=utf-8')
  return script
})
