import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'

describe('nats-server killed and restarted mid-run', () => {
  const stackOf = useFaultStack('fnats')

  it('loses nothing: the stream survives on disk, the worker reconnects by itself, audit clean', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    // Twice: SIGKILL (no flush), a few seconds without a broker while orders keep coming in, then
    // the same port and store directory again.
    for (const ordersPlaced of [60, 180]) {
      await load.placed(ordersPlaced)
      await stack.nats.kill()
      await new Promise(resolve => setTimeout(resolve, 3000))
      await stack.nats.start()
    }
    const placed = await load.done
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    // Same worker process throughout: it reconnected rather than exiting.
    expect(stack.workers().map(worker => worker.process.exitCode)).toEqual([null])
    report('nats-server SIGKILLed and restarted twice', settlement, { total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })
})
