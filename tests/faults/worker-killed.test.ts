import { describe, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'

describe('the worker killed with SIGKILL, again and again', () => {
  const stackOf = useFaultStack('fkill')

  it('loses and doubles nothing: every order decided as it must be, scarce stock sold out exactly, audit clean', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    // Kill the newest worker at four points of the run, each time with messages in flight.
    for (const ordersPlaced of [40, 100, 160, 220]) {
      await load.placed(ordersPlaced)
      await stack.workers().at(-1)!.kill()
      await stack.startWorker()
    }
    const placed = await load.done
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    report('worker SIGKILLed 4 times', settlement, { total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })
})
