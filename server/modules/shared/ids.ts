import { createHash } from 'node:crypto'

/** A stable UUID (version 5 layout) derived from a message id and a label, e.g. one per store of an order. */
export function derivedId(messageId: string, label: string): string {
  const hex = createHash('sha1').update(`${messageId}/${label}`).digest('hex')
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3F) | 0x80).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`
}
