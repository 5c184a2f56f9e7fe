import { z } from 'zod'
import { operations, type Operation } from './operations'
import { errorResponse } from './schemas'

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input (VALIDATION or INVALID_JSON)',
  401: 'Not signed in (UNAUTHENTICATED)',
  403: 'Signed in, but not allowed (FORBIDDEN)',
  404: 'Missing, or not yours (NOT_FOUND)',
  409: 'Not allowed in the current state (CONFLICT)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Body is not JSON, or not an image type the route takes (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Refers to an unknown product, payment or category, or an image that cannot be read (UNPROCESSABLE)',
  429: 'Too many requests (RATE_LIMITED)',
  503: 'Database unreachable or still starting (UNAVAILABLE)',
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' })

function errorCodes(operation: Operation): number[] {
  const codes = new Set(operation.errors)
  if (operation.body || operation.accepts || operation.query || operation.path.includes('{id}')) codes.add(400)
  if (operation.access === 'admin') [401, 403].forEach(code => codes.add(code))
  if (operation.access === 'signed-in') codes.add(401)
  if (!operation.path.endsWith('/health') && !operation.path.endsWith('openapi.json')) codes.add(503)
  return [...codes].sort()
}

/** A file as the body itself, or as the form field "file". */
const uploadSchema = (type: string) => type === 'multipart/form-data'
  ? { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } }
  : { type: 'string', format: 'binary' }

function describe(operation: Operation) {
  const responses: Record<string, unknown> = {
    [operation.status]: operation.produces
      ? { description: 'Success, a download', content: { [operation.produces]: { schema: { type: 'string' } } } }
      : operation.response
        ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(operation.response, 'output') } } }
        : { description: 'Success, no content' },
  }
  for (const code of errorCodes(operation)) {
    responses[code] = { description: STATUS_TEXT[code], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
  }
  const parameters = [
    ...[...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })),
    ...Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema: jsonSchema(schema as z.ZodType, 'input') })),
  ]
  return {
    tags: [operation.tag],
    summary: operation.summary,
    description: `Who may call it: ${operation.access}.`,
    ...(operation.access === 'anyone' ? {} : { security: [{ session: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } } } } : {}),
    ...(operation.accepts ? { requestBody: { required: true, content: Object.fromEntries(operation.accepts.map(type => [type, { schema: uploadSchema(type) }])) } } : {}),
    responses,
  }
}

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of operations) {
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method] = describe(operation)
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Plaza API',
      version,
      description: 'Commands and queries of Plaza, an event-driven shopping mall. Money is in euros with at most two decimals. '
        + 'Errors are `{ statusCode, statusMessage, message, data: { code, issues } }`.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorResponse, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'plaza-session', description: 'Sealed session cookie set by the sign-in routes' } },
    },
  }
}
