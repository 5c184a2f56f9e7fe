import { describe, expect, it } from 'vitest'
import { slugify } from '../../../../server/modules/catalog/slug'

describe('slugify', () => {
  it.each([
    ['Tea', 'tea'],
    ['  Tea & Coffee  ', 'tea-coffee'],
    ['Crème brûlée', 'creme-brulee'],
    ['Ångström Œuvre', 'angstrom-œuvre'],
    ['Чай и кофе', 'чаи-и-кофе'],
    ['50% off!', '50-off'],
    ['★☆', 'category'],
    ['', 'category'],
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug))

  it('stays short, and never ends on a dash', () => {
    const slug = slugify(`${'word '.repeat(40)}`)
    expect([...slug].length).toBeLessThanOrEqual(72)
    expect(slug.endsWith('-')).toBe(false)
  })
})
