import { describe, expect, it } from 'vitest'
import { customerCredentials, customerInput } from '../../../../server/modules/customers'
import { normalizePhone } from '../../../../server/modules/customers/customer'

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
    expect(customerInput.parse({ name: '  Ana Silva ', phone: '+351 912-345-678' })).toEqual({ name: 'Ana Silva', phone: '+351912345678' })
  })

  it('counts an 80-character name in characters, not UTF-16 units', () => {
    expect(customerInput.safeParse({ name: '🍵'.repeat(80), phone: '912345678' }).success).toBe(true)
    expect(customerInput.safeParse({ name: '🍵'.repeat(81), phone: '912345678' }).success).toBe(false)
  })

  it.each([
    ['an empty name', { name: '', phone: '912345678' }],
    ['a blank name', { name: '  \t ', phone: '912345678' }],
    ['an 81-character name', { name: 'a'.repeat(81), phone: '912345678' }],
    ['a 10,000-character name', { name: 'a'.repeat(10_000), phone: '912345678' }],
    ['a NUL byte in the name', { name: 'An\u0000a', phone: '912345678' }],
    ['a line break in the name', { name: 'An\na', phone: '912345678' }],
    ['a name as a number', { name: 42, phone: '912345678' }],
    ['a phone as a number', { name: 'Ana', phone: 912345678 }],
    ['letters in the phone', { name: 'Ana', phone: 'call me' }],
    ['a short phone', { name: 'Ana', phone: '12 34' }],
    ['a missing phone', { name: 'Ana' }],
    ['an extra field', { name: 'Ana', phone: '912345678', id: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11' }],
  ])('refuses %s', (_, input) => {
    expect(customerInput.safeParse(input).success).toBe(false)
  })

  it('says what a phone must look like', () => {
    const result = customerInput.safeParse({ name: 'Ana', phone: 'abc' })
    expect(result.error?.issues).toMatchObject([{ path: ['phone'], message: expect.stringContaining('6 to 20 digits') }])
  })
})

describe('customerCredentials', () => {
  it('leaves malformed ids and phones to the sign-in, which answers them like wrong ones', () => {
    expect(customerCredentials.parse({ customerId: 'not-a-uuid', phone: 'abc' })).toEqual({ customerId: 'not-a-uuid', phone: 'abc' })
  })

  it.each([
    ['a number for an id', { customerId: 1, phone: '912345678' }],
    ['a missing phone', { customerId: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11' }],
    ['a 101-character id', { customerId: 'a'.repeat(101), phone: '912345678' }],
    ['an extra field', { customerId: 'x', phone: '912345678', name: 'Ana' }],
  ])('refuses %s', (_, input) => {
    expect(customerCredentials.safeParse(input).success).toBe(false)
  })
})
