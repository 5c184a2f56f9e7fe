import { defineEventHandler, type EventHandlerRequest, type H3Event } from 'h3'
import { toHttpError } from './http-errors'

/** A Nitro route whose every failure goes through the one error mapper. */
export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T) {
  return defineEventHandler(async (event) => {
    try {
      return await handler(event)
    }
    catch (error) {
      throw toHttpError(error)
    }
  })
}
