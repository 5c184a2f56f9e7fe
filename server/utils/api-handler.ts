import { defineEventHandler, type EventHandlerRequest, type H3Event } from 'h3'
import { toHttpError } from './http-errors'
import { inRequestSpan } from './request-span'

/** A Nitro route whose every failure goes through the one error mapper, run in its request's span (tracing on). */
export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T) {
  return defineEventHandler(async (event) => {
    try {
      return await inRequestSpan(event, () => handler(event))
    }
    catch (error) {
      throw toHttpError(error)
    }
  })
}
