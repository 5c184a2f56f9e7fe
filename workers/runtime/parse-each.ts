import type { z } from 'zod'
import type { MessageOutcome } from '../../server/modules/shared/messages'
import type { Delivery } from './consumer'

/**
 * Parses each delivery with its schema (`schemaOf` may refuse a delivery with a reason instead),
 * hands the valid ones to `handle`, and returns one outcome per delivery, in order: the handler's for
 * the valid ones, poison naming the first problem for the rest.
 */
export async function parseEach<S extends z.ZodType>(
  deliveries: Delivery[],
  schemaOf: (delivery: Delivery) => { schema: S, what: string } | { poison: string },
  handle: (valid: { message: z.output<S>, delivery: Delivery }[]) => Promise<MessageOutcome[]>,
): Promise<MessageOutcome[]> {
  const outcomes: MessageOutcome[] = []
  const valid: { message: z.output<S>, delivery: Delivery, index: number }[] = []
  deliveries.forEach((delivery, index) => {
    const found = schemaOf(delivery)
    if ('poison' in found) return void (outcomes[index] = found)
    const parsed = found.schema.safeParse(delivery.payload)
    if (parsed.success) valid.push({ message: parsed.data, delivery, index })
    else outcomes[index] = { poison: `${found.what}: ${parsed.error.issues[0]?.message}` }
  })
  const handled = valid.length > 0 ? await handle(valid) : []
  valid.forEach(({ index }, position) => (outcomes[index] = handled[position]!))
  return outcomes
}
