import type { Scenario } from '../support/context'
import { residentMemory } from '../support/stack'

/** Peak resident memory (VmHWM) of the zero-delay stack's web and worker processes, read after the other scenarios ran. */
export const memory: Scenario = {
  name: 'memory',
  async run({ results, shop: openShop }) {
    const { stack } = await openShop()
    const web = residentMemory(stack.web.pid)
    results.record('memory', 'web peak RSS', 'MiB', [web.peakMiB], `VmHWM; now ${Math.round(web.currentMiB)} MiB; target < 250 MB`)
    stack.workers.forEach((worker, index) => {
      const usage = residentMemory(worker.pid)
      results.record('memory', `worker ${index + 1} peak RSS`, 'MiB', [usage.peakMiB], `VmHWM; now ${Math.round(usage.currentMiB)} MiB; target < 250 MB`)
    })
  },
}
