/** Milliseconds until `occurredAt + delayMs`; 0 or less means it is due. Simulated delays wait by redelivery, not by sleeping. */
export function dueIn(occurredAt: string, delayMs: number, now = Date.now()): number {
  return Date.parse(occurredAt) + delayMs - now
}
