export type CatalogSort = 'relevance' | 'name' | 'price-asc' | 'price-desc'

/** The shopping catalog's orders; "best match" only means something while searching. */
export const CATALOG_SORTS: { value: CatalogSort, label: string, searching?: true }[] = [
  { value: 'relevance', label: 'Best match', searching: true },
  { value: 'name', label: 'Name' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
]

/** "1 product", "1,234 products". */
export const productCount = (count: number) => `${count.toLocaleString('en-IE')} ${count === 1 ? 'product' : 'products'}`
