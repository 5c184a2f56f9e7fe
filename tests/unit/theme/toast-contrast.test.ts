import Aura from '@primeuix/themes/aura'
import { describe, expect, it } from 'vitest'
import plaza from '../../../theme/plaza'

// The toasts' colours as the theme resolves them: opaque backgrounds, and title and text readable
// (WCAG AA, 4.5:1) on them in both schemes. Aura's own were see-through with a ~3:1 title.

type Scheme = 'light' | 'dark'
const preset = plaza.preset as unknown as { components: { toast: { colorScheme: Record<Scheme, Record<string, Record<string, string>>> } } }
const primitive = Aura.primitive as unknown as Record<string, Record<string, string>>
const semantic = Aura.semantic as unknown as { colorScheme: Record<Scheme, { surface: Record<string, string> }> }

/** A token (`{green.800}`, `{surface.800}`) as a hex colour, through the surface palette of the scheme. */
function resolve(token: string, scheme: Scheme): string {
  const match = /^\{(\w+)\.(\w+)\}$/.exec(token)
  if (!match) return token
  const [, palette, shade] = match
  const value = palette === 'surface' ? semantic.colorScheme[scheme].surface[shade!]! : primitive[palette!]![shade!]!
  return resolve(value, scheme)
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('the toasts', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const tones = preset.components.toast.colorScheme[scheme]
    it(`are opaque and readable in the ${scheme} scheme`, () => {
      expect(tones.root).toEqual({ blur: '0' })
      for (const tone of ['info', 'success', 'warn', 'error']) {
        const { background, color, detailColor } = tones[tone]!
        const back = resolve(background!, scheme)
        expect(back, `${tone} background`).toMatch(/^#[0-9a-f]{6}$/i)
        expect(contrast(resolve(color!, scheme), back), `${tone} title`).toBeGreaterThanOrEqual(4.5)
        expect(contrast(resolve(detailColor!, scheme), back), `${tone} text`).toBeGreaterThanOrEqual(4.5)
      }
    })
  }
})
