import { describe, expect, it } from 'vitest'
import { groupCommit } from '../../../server/platform/group-commit'

/** A run that records its batches and finishes when told to. */
function recordingRun() {
  const batches: number[][] = []
  const finish: (() => void)[] = []
  const run = async (items: number[]) => {
    batches.push(items)
    await new Promise<void>(resolve => finish.push(resolve))
    return items.map(item => item * 10)
  }
  return { batches, finish, run }
}

const turn = () => new Promise(resolve => setImmediate(resolve))

describe('groupCommit', () => {
  it('writes a lone call at once, alone', async () => {
    const { batches, finish, run } = recordingRun()
    const call = groupCommit(run, { maxBatch: 10, maxInFlight: 1 })
    const result = call(1)
    await turn()
    expect(batches).toEqual([[1]])
    finish.shift()!()
    expect(await result).toBe(10)
  })

  it('gathers the calls that arrive while a batch is in flight, and gives each its own result', async () => {
    const { batches, finish, run } = recordingRun()
    const call = groupCommit(run, { maxBatch: 10, maxInFlight: 1 })
    const first = call(1)
    await turn()
    const rest = [2, 3, 4].map(call)
    await turn()
    expect(batches).toEqual([[1]])
    finish.shift()!()
    expect(await first).toBe(10)
    await turn()
    expect(batches).toEqual([[1], [2, 3, 4]])
    finish.shift()!()
    expect(await Promise.all(rest)).toEqual([20, 30, 40])
  })

  it('runs up to maxInFlight batches at once, each at most maxBatch', async () => {
    const { batches, finish, run } = recordingRun()
    const call = groupCommit(run, { maxBatch: 2, maxInFlight: 2 })
    const results = [1, 2, 3, 4, 5, 6].map(call)
    await turn()
    await turn()
    expect(batches).toEqual([[1, 2], [3, 4]])
    finish.shift()!()
    await turn()
    await turn()
    expect(batches).toEqual([[1, 2], [3, 4], [5, 6]])
    finish.splice(0).forEach(done => done())
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60])
  })

  it('fails every call of a batch whose run throws, and goes on with the next', async () => {
    let fail = true
    const call = groupCommit(async (items: number[]) => {
      if (fail) throw new Error('database away')
      return items
    }, { maxBatch: 10, maxInFlight: 1 })
    const failed = [1, 2].map(item => call(item).catch((error: Error) => error.message))
    expect(await Promise.all(failed)).toEqual(['database away', 'database away'])
    fail = false
    expect(await call(3)).toBe(3)
  })
})
