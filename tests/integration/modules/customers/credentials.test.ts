import { describe, expect, it } from 'vitest'
import { anonymous } from '../../../support/admin'
import { randomPhone, refusal, registeredCustomer } from '../../../support/customer'

describe('signing in with phone and password', () => {
  it('takes the phone however it is written, and signs the customer in', async () => {
    const customer = await registeredCustomer('Carla', randomPhone(), 'carla-password')
    const digits = customer.phone.replace(/\D/g, '')
    for (const phone of [customer.phone, `+${digits}`, `+${digits.slice(0, 3)}-${digits.slice(3)}`, ` ${customer.phone} `]) {
      const client = anonymous()
      const response = await client.post('/api/auth/customer', { phone, password: 'carla-password' })
      expect({ phone, status: response.status }).toEqual({ phone, status: 200 })
      expect(response.data).toMatchObject({ id: customer.id, name: 'Carla', phone: `+${digits}` })
      expect((await client.get('/api/auth/session')).data.user).toEqual({ role: 'customer', customerId: customer.id, name: 'Carla' })
    }
  })

  it('answers a wrong password, an unknown phone and a malformed one with the same 401, and signs nobody in', async () => {
    const customer = await registeredCustomer('Dora', randomPhone(), 'dora-password')
    const attempts = [
      { phone: customer.phone, password: 'dora-passwore' },
      { phone: customer.phone, password: '' },
      { phone: randomPhone(), password: 'dora-password' },
      { phone: 'not a phone', password: 'dora-password' },
      { phone: '', password: '' },
    ]
    const answers = new Set<string>()
    for (const attempt of attempts) {
      const client = anonymous()
      const response = await client.post('/api/auth/customer', attempt)
      expect(response.status).toBe(401)
      expect(response.data.data.code).toBe('UNAUTHENTICATED')
      answers.add(JSON.stringify(refusal(response)))
      expect((await client.get('/api/auth/session')).data.user).toBeNull()
    }
    expect([...answers]).toEqual([expect.stringContaining('Wrong phone or password')])
  })

  it('no longer signs in with the customer id and phone', async () => {
    const customer = await registeredCustomer()
    const client = anonymous()
    const response = await client.post('/api/auth/customer', { customerId: customer.id, phone: customer.phone })
    expect(response.status).toBe(400)
    expect((await client.get('/api/auth/session')).data.user).toBeNull()
  })
})

describe('changing the password', () => {
  it('needs the current password, then ends the other sessions, keeps this one, and takes only the new password', async () => {
    const customer = await registeredCustomer('Eli', randomPhone(), 'old-password')
    const elsewhere = anonymous()
    expect((await elsewhere.post('/api/auth/customer', { phone: customer.phone, password: 'old-password' })).status).toBe(200)

    const wrong = await customer.client.put('/api/account/password', { currentPassword: 'not-it-at-all', newPassword: 'new-password' })
    expect(wrong.status).toBe(400)
    expect(wrong.data.data.issues).toEqual([{ path: 'currentPassword', message: expect.any(String) }])
    expect((await elsewhere.get(`/api/customers/${customer.id}`)).status).toBe(200)

    const changed = await customer.client.put('/api/account/password', { currentPassword: 'old-password', newPassword: 'new-password' })
    expect(changed.status).toBe(200)
    expect((await customer.client.get(`/api/customers/${customer.id}`)).status).toBe(200)
    expect((await elsewhere.get(`/api/customers/${customer.id}`)).status).toBe(401)
    expect((await anonymous().post('/api/auth/customer', { phone: customer.phone, password: 'old-password' })).status).toBe(401)
    expect((await anonymous().post('/api/auth/customer', { phone: customer.phone, password: 'new-password' })).status).toBe(200)
  })

  it('is for customers: 401 signed out, 400 for a too-short new password', async () => {
    expect((await anonymous().put('/api/account/password', { currentPassword: 'x', newPassword: 'long-enough' })).status).toBe(401)
    const customer = await registeredCustomer()
    const short = await customer.client.put('/api/account/password', { currentPassword: customer.password, newPassword: 'short' })
    expect(short.status).toBe(400)
    expect(short.data.data.issues[0].path).toBe('newPassword')
  })
})
