import { describe, expect, it } from 'vitest'
import { batchQueue } from '../../../../workers/runtime/batch-queue'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('batchQueue', () => {
  it('hands over what has arrived, at most `max` at a time', async () => {
    const queue = batchQueue<number>(10)
    for (const item of [1, 2, 3]) await queue.put(item)
    expect(await queue.take(2)).toEqual([1, 2])
    expect(await queue.take(2)).toEqual([3])
  })

  it('waits until the given time for a batch to fill', async () => {
    const queue = batchQueue<number>(10)
    await queue.put(1)
    const taking = queue.take(5, Date.now() + 200)
    await sleep(20)
    await queue.put(2)
    expect(await taking).toEqual([1, 2])
  })

  it('stops lingering as soon as the batch is full', async () => {
    const queue = batchQueue<number>(10)
    await queue.put(1)
    const started = Date.now()
    const taking = queue.take(2, Date.now() + 5_000)
    await queue.put(2)
    expect(await taking).toEqual([1, 2])
    expect(Date.now() - started).toBeLessThan(4_000)
  })

  it('answers an empty batch once closed and drained', async () => {
    const queue = batchQueue<number>(10)
    await queue.put(1)
    queue.close()
    expect(await queue.take(5, Date.now() + 1_000)).toEqual([1])
    expect(await queue.take(5, Date.now() + 1_000)).toEqual([])
  })

  it('takes at once when the time has passed: a lone item does not wait', async () => {
    const queue = batchQueue<number>(10)
    await queue.put(1)
    const started = Date.now()
    expect(await queue.take(5, started - 1)).toEqual([1])
    expect(Date.now() - started).toBeLessThan(50)
  })
})
