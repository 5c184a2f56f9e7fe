import { describe, expect, it } from 'vitest'
import { productImageView } from '../../../../server/modules/catalog/view'

const image = (widths: number[], width: number, height: number) => ({ id: 'i', productId: 'p', position: 0, width, height, widths })

describe('an image as pages draw it', () => {
  it('lists every rendition in srcset and takes the one nearest 640 px as src', () => {
    expect(productImageView(image([320, 640, 1280], 1280, 960))).toEqual({
      id: 'i', width: 1280, height: 960, src: '/images/i/640.webp', srcset: '/images/i/320.webp 320w, /images/i/640.webp 640w, /images/i/1280.webp 1280w',
    })
    expect(productImageView(image([320, 500], 500, 500)).src).toBe('/images/i/500.webp')
    expect(productImageView(image([200], 200, 100)).src).toBe('/images/i/200.webp')
  })
})
