import { describe, expect, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../support/admin'
import { randomPhone, registeredCustomer } from '../../support/customer'
import { customerSessionCookie } from '../../support/sessions'

// Each web process keeps unsealed sessions by cookie value (server/utils/auth-session-cache.ts);
// these hold it to what the sealed cookie alone would say.
const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

describe('sessions kept unsealed in memory', () => {
  it('still name who they named after the same browser signs in as someone else', async () => {
    const admin = await signedInAdmin()
    const adminCookie = admin.cookieHeader
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'admin' })

    // Registering seals a new session for the same browser; the admin cookie it replaced is still the admin.
    const registered = await admin.post('/api/customers', { name: 'Switcher', phone: randomPhone() })
    expect(registered.status).toBe(201)
    expect(admin.cookieHeader).not.toBe(adminCookie)
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'customer', customerId: registered.data.id })

    const copy = anonymous()
    copy.useCookie(adminCookie)
    expect((await copy.get('/api/auth/session')).data.user).toMatchObject({ role: 'admin' })
    expect((await copy.get('/api/customers')).status).toBe(200)
  })

  it('are refused once older than the session lifetime, however often they are shown', async () => {
    const customer = await registeredCustomer()
    const fresh = anonymous()
    fresh.useCookie(await customerSessionCookie(customer.id))
    expect((await fresh.get(`/api/customers/${customer.id}`)).status).toBe(200)
    expect((await fresh.get(`/api/customers/${customer.id}`)).status).toBe(200)

    const expiredCookie = await customerSessionCookie(customer.id, Date.now() - SESSION_MAX_AGE_MS - 60_000)
    for (let attempt = 0; attempt < 2; attempt++) {
      const expired = anonymous()
      expired.useCookie(expiredCookie)
      expect((await expired.get(`/api/customers/${customer.id}`)).status).toBe(401)
    }
  })
})
