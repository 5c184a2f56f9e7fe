/**
 * The product page's title, description, Open Graph card (its main picture, by absolute URL, as
 * crawlers require) and schema.org JSON-LD, all in the server-rendered HTML.
 */
export function useProductSeo(page: Ref<{ product: ProductView, store: StoreView } | null | undefined>) {
  const origin = useSiteOrigin()
  const product = computed(() => page.value?.product)
  const description = computed(() => {
    const text = product.value?.description.trim().replace(/\s+/g, ' ')
    const fallback = product.value && page.value ? `${product.value.name}, from ${page.value.store.name} at Plaza.` : undefined
    return text ? (text.length > 160 ? `${text.slice(0, 157)}…` : text) : fallback
  })
  const image = computed(() => product.value?.images[0])

  useSeoMeta({
    title: () => product.value?.name ?? 'Product',
    description: () => description.value,
    ogTitle: () => product.value?.name,
    ogDescription: () => description.value,
    ogType: 'website',
    ogUrl: () => product.value && `${origin}/products/${product.value.id}`,
    ogImage: () => image.value && `${origin}${image.value.src}`,
    ogImageAlt: () => image.value && product.value?.name,
    twitterCard: () => (image.value ? 'summary_large_image' : 'summary'),
  })
  useHead({
    script: () => page.value
      ? [{ key: 'product-json-ld', type: 'application/ld+json', innerHTML: jsonForScript(productJsonLd(page.value.product, page.value.store.name, origin)) }]
      : [],
  })
}
