import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../../server/platform/db'
import { timeOutOverdueOrders } from '../../server/modules/ordering'
import type { Logger } from '../../server/platform/log'

const SWEEP_MS = 1000

/** Rejects pending orders whose deadline has passed (TIMED_OUT); several workers may sweep at once. */
export function startDeadlineSweeper(db: Db, log: Logger, stopSignal: AbortSignal) {
  return (async () => {
    while (!stopSignal.aborted) {
      try {
        const rejected = await timeOutOverdueOrders(db, new Date())
        if (rejected > 0) log.info({ rejected }, 'orders timed out')
      }
      catch (error) {
        log.warn({ err: error }, 'deadline sweep failed')
      }
      // The stop signal cuts the wait short: a stopping worker does not sit out the rest of a second.
      await sleep(SWEEP_MS, undefined, { signal: stopSignal }).catch(() => {})
    }
  })()
}
