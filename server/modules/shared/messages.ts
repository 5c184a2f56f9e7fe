import { z } from 'zod'

/** Every integration message carries these: its id, the order it is about, when, and what caused it. */
export const envelope = {
  messageId: z.uuid(),
  orderId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  causationId: z.uuid().nullable(),
}

export interface Envelope {
  messageId: string
  orderId: string
  occurredAt: string
  causationId: string | null
}

/**
 * What a module decided for one message it was handed: done (ack), not yet (ask for it again after a
 * delay), or poison (it can never be handled: terminate it and keep it as a dead letter).
 */
export type MessageOutcome = { done: true } | { retryInMs: number } | { poison: string }

export const DONE: MessageOutcome = { done: true }
export const poisoned = (reason: string): MessageOutcome => ({ poison: reason })

/** Milliseconds until `occurredAt + delayMs`; 0 or less means it is due. Simulated delays wait by redelivery, not by sleeping. */
export function dueIn(occurredAt: string, delayMs: number, now = Date.now()): number {
  return Date.parse(occurredAt) + delayMs - now
}
