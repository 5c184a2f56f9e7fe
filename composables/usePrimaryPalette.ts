/** The primary colours on offer; each is one of Aura's primitive palettes (emerald is Aura's own). */
export const PRIMARY_PALETTES = [
  { name: 'emerald', label: 'Emerald', swatch: '#10b981' },
  { name: 'indigo', label: 'Indigo', swatch: '#6366f1' },
  { name: 'sky', label: 'Sky', swatch: '#0ea5e9' },
  { name: 'violet', label: 'Violet', swatch: '#8b5cf6' },
  { name: 'rose', label: 'Rose', swatch: '#f43f5e' },
  { name: 'amber', label: 'Amber', swatch: '#f59e0b' },
] as const

export type PrimaryPaletteName = (typeof PRIMARY_PALETTES)[number]['name']

const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]

/**
 * The chosen primary palette, remembered in a cookie. It is applied as a small unlayered style that
 * points `--p-primary-*` at the chosen Aura primitive, rather than with `updatePrimaryPalette`:
 * the server can render it (no flash of green on reload), and it never mutates the theme singleton
 * that every SSR request shares. Components and Tailwind's `primary-*` both read these variables.
 */
export function usePrimaryPalette() {
  const palette = useCookie<PrimaryPaletteName>('plaza-primary', {
    default: () => 'emerald',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })
  const known = computed<PrimaryPaletteName>(() =>
    PRIMARY_PALETTES.some(option => option.name === palette.value) ? palette.value : 'emerald')
  return { palette, known }
}

export function usePrimaryPaletteHead() {
  const { known } = usePrimaryPalette()
  // Emerald is the theme's own primary, so it needs no style. The style is dropped rather than
  // emptied: an emptied one kept the previous colour until the next reload.
  useHead({
    style: computed(() => known.value === 'emerald'
      ? []
      : [{ key: 'plaza-primary', textContent: `:root{${SHADES.map(shade => `--p-primary-${shade}:var(--p-${known.value}-${shade});`).join('')}}` }]),
  })
}
