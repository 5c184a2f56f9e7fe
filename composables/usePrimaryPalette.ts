const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]

/**
 * The chosen primary palette, remembered in a cookie. It is applied as a small unlayered style that
 * points `--p-primary-*` at the chosen Aura primitive, rather than with `updatePrimaryPalette`:
 * the server can render it (no flash of green on reload), and it never mutates the theme singleton
 * that every SSR request shares. Components and Tailwind's `primary-*` both read these variables.
 */
export function usePrimaryPalette() {
  // No default on the cookie, as in useColorScheme: a first visit sets no cookie.
  const chosen = useCookie<PrimaryPaletteName | undefined>('plaza-primary', {
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })
  const palette = computed<PrimaryPaletteName>({
    get: () => chosen.value ?? 'emerald',
    set: (value) => {
      chosen.value = value
    },
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
