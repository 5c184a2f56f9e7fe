import { startBenchStack } from './support/stack'
import { openShop, closeShop, prepareOrders, slowBasket, submit, waitUntilDecided } from './support/shop'
const stack = await startBenchStack('adhoc', { env: { PAYMENT_CONFIRM_DELAY_MS: '0', STORE_CONFIRM_DELAY_MS: '0' } })
const shop = await openShop(stack, { stores: 3, perStore: 25, slowStoreDelayMs: 2000 })
try {
  const orders = await prepareOrders(shop, 200, i => slowBasket(shop.catalog, i))
  const t0 = Date.now()
  const sub = await Promise.all(orders.map(o => submit(stack.baseUrl, o)))
  console.log('submitted in', Date.now() - t0)
  await waitUntilDecided(shop, sub.map(s => s.id), 60000)
  console.log('decided in', Date.now() - t0)
  const rows = await shop.sql`
    with p as (select order_id, created_at from ordering.order_events where type='OrderPlaced')
    select e.type, e.consumer, count(*)::int n,
      round(percentile_cont(0.5) within group (order by extract(epoch from e.created_at - p.created_at))::numeric, 2) p50,
      round(max(extract(epoch from e.created_at - p.created_at))::numeric, 2) max,
      max(e.delivery_attempt) max_attempt
    from ordering.order_events e join p using (order_id) group by 1,2 order by 3 desc, 4`
  console.table(rows)
  const ob = await shop.sql`select subject, count(*)::int n, round(percentile_cont(0.5) within group (order by extract(epoch from published_at - created_at))::numeric,2) p50, round(max(extract(epoch from published_at - created_at))::numeric,2) max from platform.outbox group by 1`
  console.table(ob)
  const ib = await shop.sql`select consumer, count(*)::int from platform.inbox group by 1`
  console.table(ib)
} finally { await closeShop(shop); await stack.stop() }
