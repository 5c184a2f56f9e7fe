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
