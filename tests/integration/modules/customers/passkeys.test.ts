import { describe, expect, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../../support/admin'
import { registeredCustomer } from '../../../support/customer'

// A full ceremony needs an authenticator: the end-to-end tests use Chromium's virtual one. These
// hold the routes to their contract on everything a client can get wrong.
const bogusResponse = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'AAAA' }, clientExtensionResults: {} }

describe('registering a passkey', () => {
  it('is for a signed-in customer: 401 signed out, 403 for the admin', async () => {
    expect((await anonymous().post('/api/account/passkeys', { verify: false, user: { userName: 'x' } })).status).toBe(401)
    expect((await (await signedInAdmin()).post('/api/account/passkeys', { verify: false, user: { userName: 'x' } })).status).toBe(403)
  })

  it("starts with options for the customer's own account, whatever user the body names", async () => {
    const customer = await registeredCustomer('Pat')
    const started = await customer.client.post('/api/account/passkeys', { verify: false, user: { userName: 'someone-else' } })
    expect(started.status).toBe(200)
    expect(started.data.attemptId).toEqual(expect.any(String))
    expect(started.data.creationOptions).toMatchObject({
      rp: { name: 'Plaza', id: '127.0.0.1' },
      user: { name: customer.phone.replace(/ /g, ''), displayName: 'Pat' },
      authenticatorSelection: { residentKey: 'required' },
    })
  })

  it('refuses a response it cannot verify, an unknown attempt, and a body of the wrong shape with 400', async () => {
    const customer = await registeredCustomer()
    const { attemptId } = (await customer.client.post('/api/account/passkeys', { verify: false, user: { userName: 'x' } })).data
    const cases = [
      { verify: true, user: { userName: 'x' }, attemptId, response: bogusResponse },
      { verify: true, user: { userName: 'x' }, attemptId: 'no-such-attempt', response: bogusResponse },
      { verify: true, user: { userName: 'x' }, attemptId },
      { user: { userName: 'x' } },
      { verify: 'yes' },
      [],
    ]
    for (const body of cases) {
      const response = await customer.client.post('/api/account/passkeys', body)
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
      expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
    }
    expect((await customer.client.get('/api/account/passkeys')).data).toEqual([])
  })

  it("will not finish another customer's attempt", async () => {
    const alice = await registeredCustomer()
    const bob = await registeredCustomer()
    const { attemptId } = (await alice.client.post('/api/account/passkeys', { verify: false, user: { userName: 'x' } })).data
    const response = await bob.client.post('/api/account/passkeys', { verify: true, user: { userName: 'x' }, attemptId, response: bogusResponse })
    expect(response.status).toBe(400)
    expect(response.data.message).toMatch(/expired or was already used/)
  })
})

describe('signing in with a passkey', () => {
  it('starts with options that ask for a discoverable credential', async () => {
    const started = await anonymous().post('/api/auth/passkey', { verify: false })
    expect(started.status).toBe(200)
    expect(started.data.requestOptions).toMatchObject({ rpId: '127.0.0.1', challenge: expect.any(String) })
    expect(started.data.requestOptions.allowCredentials ?? []).toEqual([])
  })

  it('refuses an unknown passkey with 401, a reused attempt and a bad shape with 400, and signs nobody in', async () => {
    const client = anonymous()
    const { attemptId } = (await client.post('/api/auth/passkey', { verify: false })).data
    const unknown = await client.post('/api/auth/passkey', { verify: true, attemptId, response: { ...bogusResponse, response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' } } })
    expect(unknown.status).toBe(401)
    const reused = await client.post('/api/auth/passkey', { verify: true, attemptId, response: bogusResponse })
    expect(reused.status).toBe(400)
    expect((await client.post('/api/auth/passkey', { verify: true })).status).toBe(400)
    expect((await client.request('POST', '/api/auth/passkey', { body: 'verify=false', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415)
    expect((await client.get('/api/auth/session')).data.user).toBeNull()
  })
})

describe('listing and removing passkeys', () => {
  it('are for the signed-in customer: 401 signed out, 404 for an unknown or malformed id', async () => {
    expect((await anonymous().get('/api/account/passkeys')).status).toBe(401)
    expect((await anonymous().delete('/api/account/passkeys/AAAA')).status).toBe(401)
    const customer = await registeredCustomer()
    expect((await customer.client.get('/api/account/passkeys')).data).toEqual([])
    expect((await customer.client.delete('/api/account/passkeys/AAAA')).status).toBe(404)
    expect((await customer.client.delete('/api/account/passkeys/not%20base64')).status).toBe(404)
  })
})
