import { describe, expect, it } from 'vitest'
import type { ProductView } from '../../../shared/types/catalog'
import { jsonForScript, productJsonLd } from '../../../utils/structured-data'

const product: ProductView = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  storeId: '6f1c2d3e-0000-4000-8000-000000000002',
  name: 'Lantern',
  description: 'Brass, for a desk.',
  stock: 0,
  price: 31.5,
  categoryId: null,
  categoryName: null,
  images: [{ id: 'i', width: 1280, height: 960, src: '/images/i/640.webp', srcset: '' }],
  createdAt: '2026-12-03T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
}

describe('a product as schema.org JSON-LD', () => {
  it('says what it is, its pictures by absolute URL, its price in euros and whether it is in stock', () => {
    expect(productJsonLd(product, 'Lights', 'https://plaza.example')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Lantern',
      description: 'Brass, for a desk.',
      sku: product.id,
      image: ['https://plaza.example/images/i/640.webp'],
      offers: {
        '@type': 'Offer',
        url: `https://plaza.example/products/${product.id}`,
        price: '31.50',
        priceCurrency: 'EUR',
        availability: 'https://schema.org/OutOfStock',
        seller: { '@type': 'Organization', name: 'Lights' },
      },
    })
    const inStock = productJsonLd({ ...product, stock: 3, images: [], description: '', categoryName: 'Lamps' }, 'Lights', '')
    expect(inStock).toMatchObject({ category: 'Lamps', offers: { availability: 'https://schema.org/InStock' } })
    expect(inStock).not.toHaveProperty('image')
    expect(inStock).not.toHaveProperty('description')
  })

  it('cannot be ended early by a name with a closing script tag', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>' })
    expect(text).not.toContain('<')
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' })
  })
})
