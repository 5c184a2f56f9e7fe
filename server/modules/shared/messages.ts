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
