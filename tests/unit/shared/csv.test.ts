import { describe, expect, it } from 'vitest'
import { defuseFormula } from '../../../shared/csv'

describe('defuseFormula', () => {
  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1', '＋1', '－1', '＠1'])('quotes %j', (cell) => {
    expect(defuseFormula(cell)).toBe(`'${cell}`)
  })

  it.each(['Lamp', 'Blue mug, 300 ml', '', '1+1', 'a=b', ' =1'])('leaves %j alone', (cell) => {
    expect(defuseFormula(cell)).toBe(cell)
  })
})
