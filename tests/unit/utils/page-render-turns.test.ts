import { describe, expect, it } from 'vitest'
import { createTurns } from '../../../server/utils/page-render-turns'

const settle = () => new Promise(resolve => setTimeout(resolve, 0))

describe('page render turns', () => {
  it('lets `size` callers in at once and the others in the order they asked', async () => {
    const turns = createTurns(2)
    const entered: number[] = []
    const ends: (() => void)[] = []
    for (let caller = 1; caller <= 5; caller++) {
      void turns.take().then((end) => {
        entered.push(caller)
        ends.push(end)
      })
    }
    await settle()
    expect(entered).toEqual([1, 2])
    expect(turns.waiting()).toBe(3)
    ends[1]!()
    await settle()
    expect(entered).toEqual([1, 2, 3])
    ends[0]!()
    ends[2]!()
    await settle()
    expect(entered).toEqual([1, 2, 3, 4, 5])
    expect(turns.waiting()).toBe(0)
  })

  it('gives a turn back once, however often it is ended', async () => {
    const turns = createTurns(1)
    const end = await turns.take()
    end()
    end()
    await turns.take()
    let third = false
    void turns.take().then(() => {
      third = true
    })
    await settle()
    expect(third).toBe(false)
  })
})
