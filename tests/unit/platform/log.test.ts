import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/platform/log'

function captured() {
  const lines: Record<string, unknown>[] = []
  const log = createLogger('test', { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { log, lines }
}

describe('createLogger', () => {
  it('writes one JSON object per line with the level as a word, an ISO time and the given ids', () => {
    const { log, lines } = captured()
    log.info({ orderId: 'o-1', messageId: 'm-1' }, 'message handled')
    expect(lines).toEqual([expect.objectContaining({ level: 'info', name: 'plaza-test', orderId: 'o-1', messageId: 'm-1', msg: 'message handled' })])
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time)
  })

  it('redacts passwords, phones, tokens, cookies and authorization headers', () => {
    const { log, lines } = captured()
    log.warn({ password: 'hunter2', phone: '+351 912 345 678', token: 't0k3n', headers: { cookie: 'plaza-session=abc', authorization: 'Bearer xyz', accept: 'json' } }, 'careless')
    const line = JSON.stringify(lines[0])
    for (const secret of ['hunter2', '912 345', 't0k3n', 'plaza-session=abc', 'Bearer xyz']) expect(line).not.toContain(secret)
    expect(lines[0]).toMatchObject({ password: '[redacted]', headers: { accept: 'json' } })
  })
})
