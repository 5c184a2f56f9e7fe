import postgres from 'postgres'

/** Invariants of the order log, checked straight in the database: each query returns the violations. */
export async function auditOrders(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const [gaps, duplicates, nonTerminal, negativeStock, unpublished] = await Promise.all([
      sql`select order_id from ordering.order_events group by order_id having count(*) <> max(version) or min(version) <> 1`,
      sql`select order_id, type, coalesce(data->>'storeId', '') as store_id from ordering.order_events
          group by order_id, type, coalesce(data->>'storeId', '') having count(*) > 1`,
      sql`select id, status from ordering.orders where status not in ('accepted', 'rejected', 'delivered', 'cancelled')`,
      sql`select id from catalog.products where stock < 0`,
      sql`select id from platform.outbox where published_at is null`,
    ])
    return { gaps: gaps.length, duplicates: duplicates.length, nonTerminal: nonTerminal.length, negativeStock: negativeStock.length, unpublished: unpublished.length }
  }
  finally {
    await sql.end({ timeout: 1 })
  }
}
