import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { fromCode, toHttpError } from '../../../server/utils/http-errors'
import { requestErrorLine } from '../../../server/utils/request-log'

const ORDER_ID = '0b7c3c1e-6a43-4f8e-9d0a-1f2e3d4c5b6a'
const payRequest = { method: 'POST', path: `/api/orders/${ORDER_ID}/pay?session=secret`, route: '/api/orders/:id/pay', params: { id: ORDER_ID } }

describe('requestErrorLine', () => {
  it('logs an expected refusal with its code and the order id, without a stack or the query string', () => {
    const line = requestErrorLine(payRequest, fromCode('CONFLICT', 'An order that is pending cannot be paid'))
    expect(line).toEqual({
      level: 'info',
      message: 'request refused',
      fields: { method: 'POST', path: `/api/orders/${ORDER_ID}/pay`, route: '/api/orders/:id/pay', status: 409, code: 'CONFLICT', orderId: ORDER_ID, message: 'An order that is pending cannot be paid' },
    })
    expect(JSON.stringify(line)).not.toContain('secret')
  })

  it('logs the database being away as a warning, still without a stack', () => {
    const line = requestErrorLine(payRequest, fromCode('UNAVAILABLE', 'try again shortly'))
    expect(line.level).toBe('warn')
    expect(line.fields).not.toHaveProperty('err')
  })

  it('logs an unexpected 500 as an error carrying the original error, whose stack pino prints', () => {
    const bug = new TypeError('Cannot read properties of undefined')
    const line = requestErrorLine(payRequest, toHttpError(bug))
    expect(line.level).toBe('error')
    expect(line.fields).toMatchObject({ status: 500, err: bug })
  })

  it('names no order outside the order routes', () => {
    const line = requestErrorLine({ method: 'GET', path: `/api/stores/${ORDER_ID}`, route: '/api/stores/:id', params: { id: ORDER_ID } }, createError({ statusCode: 404 }))
    expect(line.fields.orderId).toBeUndefined()
  })
})
