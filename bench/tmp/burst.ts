import { startBenchStack, cpuSeconds } from '../support/stack'
import { openShop, closeShop, prepareOrders, basket, submit, waitUntilIdle } from '../support/shop'
async function main() {

const stack = await startBenchStack('probe', { nodeArgs: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [], env: { PAYMENT_CONFIRM_DELAY_MS: '5000', STORE_CONFIRM_DELAY_MS: '15000', ORDER_CONFIRM_DEADLINE_MS: '60000' } })
try {
  const shop = await openShop(stack, { stores: 3, perStore: 25 })
  for (const n of [200, 1000]) {
    const selfCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }
    let w = cpuSeconds(stack.web.pid), k = cpuSeconds(stack.workers[0]!.pid), c = selfCpu()
    const cpu = (label: string) => { const [w2, k2, c2] = [cpuSeconds(stack.web.pid), cpuSeconds(stack.workers[0]!.pid), selfCpu()]; console.log(`${label}: web ${((w2 - w) * 1000 / n).toFixed(2)} worker ${((k2 - k) * 1000 / n).toFixed(2)} client ${((c2 - c) * 1000 / n).toFixed(2)} ms per request`); [w, k, c] = [w2, k2, c2] }
    const bare = performance.now()
    await Promise.all(Array.from({ length: n }, () => fetch(`${stack.baseUrl}/api/health/live`).then(r => r.text())))
    const bareMs = performance.now() - bare
    cpu('bare')
    const orders = await prepareOrders(shop, n, i => basket(shop.catalog, i))
    cpu('prepare')
    const t0 = performance.now()
    const results = await Promise.all(orders.map(o => submit(stack.baseUrl, o)))
    cpu('orders')
    const ms = results.map(r => r.ms).sort((a, b) => a - b)
    console.log(`n=${n}: bare ${bareMs.toFixed(0)} ms; orders all ${(performance.now() - t0).toFixed(0)} ms, p50 ${ms[n >> 1]!.toFixed(0)} min ${ms[0]!.toFixed(0)} max ${ms.at(-1)!.toFixed(0)}`)
  }
  await closeShop(shop)
} finally { await stack.stop() }
}
main()
