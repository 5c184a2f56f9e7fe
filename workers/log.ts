import pino from 'pino'

/** JSON lines (pino), so logs can be searched by orderId or messageId. */
export type Logger = pino.Logger

export function createLogger(component: string): Logger {
  return pino({ name: `plaza-${component}`, level: process.env.LOG_LEVEL ?? 'info' })
}
