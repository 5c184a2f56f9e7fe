import { describe, expect, it } from 'vitest'
import { codeRedemption, customerCredentials, customerInput } from '../../../../server/modules/customers'
import { accountForCode, normalizePhone } from '../../../../server/modules/customers/customer'

describe('normalizePhone', () => {
  it.each([
    ['+351 912 345 678', '+351912345678'],
    ['+351-912-345-678', '+351912345678'],
    ['  912345678 ', '912345678'],
    ['0049 30 1234-5678', '00493012345678'],
    ['123456', '123456'],
    ['+12345678901234567890', '+12345678901234567890'],
  ])('writes %j as %j', (typed, normalized) => {
    expect(normalizePhone(typed)).toBe(normalized)
  })

  it.each([
    ['five digits', '12345'],
    ['21 digits', '1'.repeat(21)],
    ['letters', '91234abcd'],
    ['a phone word', '+1 800 FLOWERS'],
    ['a plus in the middle', '351+912345678'],
    ['two leading pluses', '++351912345678'],
    ['parentheses', '(351) 912345678'],
    ['dots', '912.345.678'],
    ['a NUL byte', '912345\u0000678'],
    ['Arabic-Indic digits', '٩١٢٣٤٥٦٧٨'],
    ['nothing', ''],
    ['only separators', ' - - - '],
    ['over 40 characters with the separators', `1${' '.repeat(40)}23456`],
  ])('refuses %s', (_, typed) => {
    expect(normalizePhone(typed)).toBeUndefined()
  })
})

describe('customerInput', () => {
  it('trims the name and normalizes the phone', () => {
    expect(customerInput.parse({ name: '  Ana Silva ', phone: '+351 912-345-678', password: 'ana-password' })).toEqual({ name: 'Ana Silva', phone: '+351912345678', password: 'ana-password' })
  })

  it('counts an 80-character name in characters, not UTF-16 units', () => {
    expect(customerInput.safeParse({ name: '🍵'.repeat(80), phone: '912345678', password: 'ana-password' }).success).toBe(true)
    expect(customerInput.safeParse({ name: '🍵'.repeat(81), phone: '912345678', password: 'ana-password' }).success).toBe(false)
  })

  it.each([
    ['an empty name', { name: '', phone: '912345678', password: 'ana-password' }],
    ['a blank name', { name: '  \t ', phone: '912345678', password: 'ana-password' }],
    ['an 81-character name', { name: 'a'.repeat(81), phone: '912345678', password: 'ana-password' }],
    ['a 10,000-character name', { name: 'a'.repeat(10_000), phone: '912345678', password: 'ana-password' }],
    ['a NUL byte in the name', { name: 'An\u0000a', phone: '912345678', password: 'ana-password' }],
    ['a line break in the name', { name: 'An\na', phone: '912345678', password: 'ana-password' }],
    ['a name as a number', { name: 42, phone: '912345678', password: 'ana-password' }],
    ['a phone as a number', { name: 'Ana', phone: 912345678, password: 'ana-password' }],
    ['letters in the phone', { name: 'Ana', phone: 'call me', password: 'ana-password' }],
    ['a short phone', { name: 'Ana', phone: '12 34', password: 'ana-password' }],
    ['a missing phone', { name: 'Ana', password: 'ana-password' }],
    ['an extra field', { name: 'Ana', phone: '912345678', password: 'ana-password', id: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11' }],
  ])('refuses %s', (_, input) => {
    expect(customerInput.safeParse(input).success).toBe(false)
  })

  it('says what a phone must look like', () => {
    const result = customerInput.safeParse({ name: 'Ana', phone: 'abc', password: 'ana-password' })
    expect(result.error?.issues).toMatchObject([{ path: ['phone'], message: expect.stringContaining('6 to 20 digits') }])
  })
})

describe('customerInput passwords', () => {
  it.each([
    ['a missing password', undefined],
    ['a seven-character password', '1234567'],
    ['a 201-character password', 'p'.repeat(201)],
    ['a password as a number', 12345678],
  ])('refuses %s', (_, password) => {
    expect(customerInput.safeParse({ name: 'Ana', phone: '912345678', password }).success).toBe(false)
  })

  it('takes 8 to 200 characters of anything, kept as typed', () => {
    expect(customerInput.parse({ name: 'Ana', phone: '912345678', password: ' 🍵 spaces kept ' }).password).toBe(' 🍵 spaces kept ')
    expect(customerInput.safeParse({ name: 'Ana', phone: '912345678', password: 'p'.repeat(200) }).success).toBe(true)
  })
})

describe('customerCredentials', () => {
  it('leaves malformed phones and short passwords to the sign-in, which answers them like wrong ones', () => {
    expect(customerCredentials.parse({ phone: 'abc', password: '' })).toEqual({ phone: 'abc', password: '' })
  })

  it.each([
    ['the old customer id and phone', { customerId: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11', phone: '912345678' }],
    ['a missing password', { phone: '912345678' }],
    ['a password as a number', { phone: '912345678', password: 12345678 }],
    ['a 201-character password', { phone: '912345678', password: 'p'.repeat(201) }],
    ['an extra field', { phone: '912345678', password: 'x', name: 'Ana' }],
  ])('refuses %s', (_, input) => {
    expect(customerCredentials.safeParse(input).success).toBe(false)
  })
})

describe('codeRedemption', () => {
  it('needs the phone, the code and a new password; the customer id is optional', () => {
    expect(codeRedemption.parse({ phone: '912 345 678', code: '012345', password: 'new-password' })).toEqual({ phone: '912345678', code: '012345', password: 'new-password' })
    expect(codeRedemption.safeParse({ phone: '912345678', code: '012345', password: 'short' }).success).toBe(false)
    expect(codeRedemption.safeParse({ phone: '912345678', code: '012345', password: 'new-password', customerId: 'nope' }).success).toBe(false)
  })
})

describe('accountForCode', () => {
  const legacy = (id: string) => ({ id, hasPassword: false })
  const signsIn = (id: string) => ({ id, hasPassword: true })

  it('picks the account that signs in with the phone, else its only older account', () => {
    expect(accountForCode([legacy('a'), signsIn('b')])).toBe('b')
    expect(accountForCode([legacy('a')])).toBe('a')
  })

  it('needs the id when several older accounts share the phone, and never picks one the phone does not name', () => {
    expect(accountForCode([legacy('a'), legacy('b')])).toBeUndefined()
    expect(accountForCode([legacy('a'), legacy('b')], 'b')).toBe('b')
    expect(accountForCode([legacy('a')], 'z')).toBeUndefined()
    expect(accountForCode([])).toBeUndefined()
  })
})
