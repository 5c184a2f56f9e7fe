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
      await new Promise(resolve => setTimeout(resolve, SWEEP_MS))
    }
  })()
}
