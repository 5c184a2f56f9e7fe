import { describe, expect, it } from 'vitest'
import { bulkDelete, productInput, productPatch, storeInput, storePatch } from '../../../../server/modules/catalog'

const product = { name: 'Mug', description: 'Blue', stock: 3, price: 4.5 }

describe('storeInput', () => {
  it('trims names and locations', () => {
    expect(storeInput.parse({ name: '  Shop ', location: '\tLisbon\n' })).toEqual({ name: 'Shop', location: 'Lisbon' })
  })

  it.each([
    ['an empty name', { name: '', location: 'x' }],
    ['a blank name', { name: '   ', location: 'x' }],
    ['121 characters', { name: 'a'.repeat(121), location: 'x' }],
    ['a NUL byte', { name: 'a\u0000b', location: 'x' }],
    ['a line break in a name', { name: 'a\nb', location: 'x' }],
    ['a missing location', { name: 'Shop' }],
    ['an unknown key', { name: 'Shop', location: 'x', id: 'y' }],
  ])('refuses %s', (_, input) => {
    expect(storeInput.safeParse(input).success).toBe(false)
  })

  it('counts characters, not UTF-16 units', () => {
    expect(storeInput.safeParse({ name: '🍵'.repeat(120), location: 'x' }).success).toBe(true)
    expect(storeInput.safeParse({ name: '🍵'.repeat(121), location: 'x' }).success).toBe(false)
  })
})

describe('storePatch', () => {
  it('needs at least one change', () => {
    expect(storePatch.safeParse({}).success).toBe(false)
    expect(storePatch.parse({ location: 'Faro' })).toEqual({ location: 'Faro' })
  })

  it('allows clearing the confirmation delay', () => {
    expect(storePatch.parse({ confirmDelayMs: null })).toEqual({ confirmDelayMs: null })
    expect(storePatch.safeParse({ confirmDelayMs: 600_001 }).success).toBe(false)
  })
})

describe('productInput', () => {
  it('accepts a valid product and defaults the description', () => {
    expect(productInput.parse({ name: 'Mug', stock: 0, price: 0 })).toEqual({ name: 'Mug', description: '', stock: 0, price: 0 })
  })

  it('keeps line breaks in a description', () => {
    expect(productInput.parse({ ...product, description: 'line one\nline two' }).description).toBe('line one\nline two')
  })

  it.each([
    ['negative stock', { stock: -1 }],
    ['fractional stock', { stock: 2.5 }],
    ['stock over a billion', { stock: 1_000_000_001 }],
    ['stock as a string', { stock: '3' }],
    ['a negative price', { price: -1 }],
    ['three decimals', { price: 0.001 }],
    ['a billionth of a euro', { price: 1e-9 }],
    ['a fraction of a cent on a large price', { price: 999_999.999 }],
    ['a price over a million', { price: 1_000_000.01 }],
    ['NaN', { price: Number.NaN }],
    ['Infinity', { price: Number.POSITIVE_INFINITY }],
    ['a 2001-character description', { description: 'd'.repeat(2001) }],
  ])('refuses %s', (_, change) => {
    expect(productInput.safeParse({ ...product, ...change }).success).toBe(false)
  })

  it.each([0.1, 0.29, 19.99, 1_000_000, 1234.5])('accepts the price %d despite binary floating point', (price) => {
    expect(productInput.safeParse({ ...product, price }).success).toBe(true)
  })
})

describe('productPatch', () => {
  it('needs at least one change and validates each field', () => {
    expect(productPatch.safeParse({}).success).toBe(false)
    expect(productPatch.parse({ stock: 0 })).toEqual({ stock: 0 })
    expect(productPatch.safeParse({ price: 1.999 }).success).toBe(false)
  })
})

describe('bulkDelete', () => {
  it('takes 1 to 1000 UUIDs', () => {
    const id = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'
    expect(bulkDelete.safeParse({ ids: [id] }).success).toBe(true)
    expect(bulkDelete.safeParse({ ids: [] }).success).toBe(false)
    expect(bulkDelete.safeParse({ ids: ['x'] }).success).toBe(false)
    expect(bulkDelete.safeParse({ ids: Array.from({ length: 1001 }, () => id) }).success).toBe(false)
  })
})
