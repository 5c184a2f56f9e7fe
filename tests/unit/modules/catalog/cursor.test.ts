import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, type CatalogCursor } from '../../../../server/modules/catalog/cursor'
import { DomainError } from '../../../../server/platform/errors'

const id = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('catalog cursors', () => {
  it.each<CatalogCursor>([
    { sort: 'name', key: 'Crème brûlée 🍮', id },
    { sort: 'price-asc', key: 0, id },
    { sort: 'price-desc', key: 100_000_000, id },
    { sort: 'relevance', key: '2.607927', id },
  ])('reads back what it wrote: %j', cursor => expect(decodeCursor(encodeCursor(cursor), cursor.sort)).toEqual(cursor))

  it('is opaque: URL-safe text', () => {
    expect(encodeCursor({ sort: 'name', key: 'a/b+c?d', id })).toMatch(/^[\w-]+$/)
  })

  it.each<[string, string, CatalogCursor['sort']]>([
    ['not base64 JSON', '%%%', 'name'],
    ['JSON of another shape', forge({ sort: 'name' }), 'name'],
    ['another sort', forge({ s: 'price-asc', k: 1, i: id }), 'name'],
    ['a fractional price', forge({ s: 'price-asc', k: 1.5, i: id }), 'price-asc'],
    ['a price as text', forge({ s: 'price-desc', k: '1', i: id }), 'price-desc'],
    ['a rank in exponent notation', forge({ s: 'relevance', k: '1e5', i: id }), 'relevance'],
    ['an id that is not a UUID', forge({ s: 'name', k: 'a', i: 'x' }), 'name'],
    ['a NUL in the key', forge({ s: 'name', k: 'a\u0000', i: id }), 'name'],
    ['an empty string', '', 'name'],
  ])('refuses %s as a validation error', (_, text, sort) => {
    expect(() => decodeCursor(text, sort)).toThrow(DomainError)
    try {
      decodeCursor(text, sort)
    }
    catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION')
    }
  })
})
