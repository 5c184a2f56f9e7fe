import type { ProductView } from '#shared/types/catalog'

// schema.org data about a page, for search engines (https://schema.org/Product).

/** A product as JSON-LD: what it is, who sells it, its price in euros and whether it is in stock. */
export function productJsonLd(product: ProductView, storeName: string, origin: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    ...(product.description ? { description: product.description } : {}),
    sku: product.id,
    ...(product.images.length ? { image: product.images.map(image => `${origin}${image.src}`) } : {}),
    ...(product.categoryName ? { category: product.categoryName } : {}),
    offers: {
      '@type': 'Offer',
      url: `${origin}/products/${product.id}`,
      price: product.price.toFixed(2),
      priceCurrency: 'EUR',
      availability: product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      seller: { '@type': 'Organization', name: storeName },
    },
  }
}

/**
 * JSON to sit inside a <script> element: "<" is escaped, so that a product named "</script><script>…"
 * cannot end the element and start one of its own.
 */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
