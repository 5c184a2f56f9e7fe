import { readFileSync } from 'node:fs'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { startServer, type RunningServer } from '../../support/server'

// A web of its own, so that its memory is this test's alone.
let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  database = await createTestDatabase('bodies')
  server = await startServer(database.url, { PLAZA_REGISTRATIONS_PER_HOUR: '1000' })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

const MiB = 1024 * 1024

/** Resident and peak resident memory of a process, in bytes (/proc/<pid>/status). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024
  return { rss: kib('VmRSS'), peak: kib('VmHWM') }
}

/**
 * POSTs a JSON document of `total` bytes to `path`, generated 64 KiB at a time as it is sent (never
 * held whole), chunked; with `declareLength`, only the headers declaring it. Resolves with the answer and how much was sent by then.
 */
function upload(path: string, total: number, declareLength = false): Promise<{ status: number, body: string, connection?: string, sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sentBytes = 0
    let answered = false
    const headers: Record<string, string | number> = { 'content-type': 'application/json' }
    if (declareLength) headers['content-length'] = total
    const request = http.request(`${server.baseUrl}${path}`, { method: 'POST', headers })
    const write = () => {
      while (!answered && sentBytes < total) {
        sentBytes += chunk.length
        if (!request.write(chunk)) return void request.once('drain', write)
      }
      if (!answered) request.end()
    }
    request.on('response', (response) => {
      answered = true
      let body = ''
      response.setEncoding('utf8').on('data', (text: string) => (body += text)).on('end', () => {
        resolve({ status: response.statusCode!, body, connection: response.headers.connection, sentBytes })
        request.destroy()
      })
    })
    // Once the server has answered and closed the connection, writing more fails: expected, and the
    // answer may still be on its way (the write can fail before the response is read).
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') answered = true
      else if (!answered) reject(error)
    })
    // A declared length is judged on the headers alone: nothing is sent, so no unread bytes make the
    // server's close a reset that could drop its answer before the client reads it.
    if (declareLength) request.flushHeaders()
    else write()
  })
}

describe('request bodies', () => {
  it('cuts a 200 MiB chunked body off with 413 without the web\'s memory growing with it', async () => {
    const before = memoryOf(server.pid)
    const answer = await upload('/api/customers', 200 * MiB)
    await new Promise(resolve => setTimeout(resolve, 500))
    const after = memoryOf(server.pid)

    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413, data: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(answer.connection).toBe('close')
    const grew = { rss: (after.rss - before.rss) / MiB, peak: (after.peak - before.peak) / MiB, sent: answer.sentBytes / MiB }
    console.info(`200 MiB chunked body: 413 after ${grew.sent.toFixed(1)} MiB sent; web RSS ${(before.rss / MiB).toFixed(0)} → ${(after.rss / MiB).toFixed(0)} MiB (peak +${grew.peak.toFixed(1)} MiB)`)
    expect(grew.rss).toBeLessThan(32)
    expect(grew.peak).toBeLessThan(32)

    // The web goes on answering.
    expect((await fetch(`${server.baseUrl}/api/health/live`)).status).toBe(200)
  })

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const answer = await upload('/api/customers', 200 * MiB, true)
    expect(answer.status).toBe(413)
    expect(answer.sentBytes).toBeLessThan(200 * MiB)
  })

  it('still reads a body just under the limit, chunked', async () => {
    const response = await fetch(`${server.baseUrl}/api/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ name: 'Ada', phone: '+351 912 345 678', pad: 'p'.repeat(60_000) })]).stream(),
      duplex: 'half',
    } as RequestInit)
    // Read whole (no 413) and refused by the schema for its unknown key.
    expect(response.status).toBe(400)
  })
})
