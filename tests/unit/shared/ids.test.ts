import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isUuidPrefix, uuidPrefixRange } from '../../../shared/ids'

describe('isUuidPrefix', () => {
  it.each(['d', 'd0584c29', 'D0584C29', 'd0584c29-', 'd0584c29-ab', 'd0584c29-abaf-47b9-a28d-83b741098dd7'])('takes %j', (value) => {
    expect(isUuidPrefix(value)).toBe(true)
  })

  it.each(['', 'g', 'd0584c2-', '-d05', 'd0584c29abaf', 'd0584c29--', '%', "' or 1=1", 'd0584c29-abaf-47b9-a28d-83b741098dd70', ' d05'])('refuses %j', (value) => {
    expect(isUuidPrefix(value)).toBe(false)
  })
})

describe('uuidPrefixRange', () => {
  it('spans every UUID that starts with the prefix, and a whole id is its own range', () => {
    expect(uuidPrefixRange('D0584C29-A')).toEqual({ from: 'd0584c29-a000-0000-0000-000000000000', to: 'd0584c29-afff-ffff-ffff-ffffffffffff' })
    const id = 'd0584c29-abaf-47b9-a28d-83b741098dd7'
    expect(uuidPrefixRange(id)).toEqual({ from: id, to: id })
  })

  it('holds a UUID exactly when its text starts with the prefix (the byte order Postgres compares uuids in)', () => {
    fc.assert(fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 1, max: 36 }), (id, other, length) => {
      const prefix = id.slice(0, length)
      fc.pre(isUuidPrefix(prefix))
      const { from, to } = uuidPrefixRange(prefix)
      expect(from <= id && id <= to).toBe(true)
      expect(from <= other && other <= to).toBe(other.startsWith(prefix))
    }))
  })
})
