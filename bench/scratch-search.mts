import postgres from 'postgres'
import { selectCatalogFacets, selectCatalogPage } from '../server/modules/catalog/adapters/catalog-page.pg'
const db = postgres('postgres://postgres@127.0.0.1:5432/h14b_scratch', { max: 2, transform: { column: { from: postgres.toCamel } }, onnotice: () => {} })
const TYPOS = ['choclate', 'cofee', 'hony', 'chese', 'olve oil', 'marmelade', 'granloa', 'vinegr', 'mustrd', 'carmel', 'tapenad', 'psto', 'brulee', 'creme brulee', 'salssa', 'cookeis', 'past', 'jamm', 'wine', 'bred']
for (const round of [1, 2, 3]) {
  const page: number[] = []; const facets: number[] = []
  for (const q of TYPOS) {
    let t = performance.now(); await selectCatalogPage(db, { q }, 'relevance', undefined, 13); page.push(performance.now() - t)
    t = performance.now(); await selectCatalogFacets(db, { q }); facets.push(performance.now() - t)
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(1)
  console.log(`round ${round}: page median ${med(page)} ms, facets median ${med(facets)} ms`)
}
await db.end()
