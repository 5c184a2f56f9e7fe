import type { Config } from 'tailwindcss'

// Tailwind's primary and surface colours follow PrimeVue's theme variables, so the colour picker and
// dark mode restyle utility classes and components alike.
const shades = [0, 50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]
// color-mix keeps opacity modifiers (`bg-primary-400/15`) working on colours that are CSS variables.
const palette = (name: string) => Object.fromEntries(shades.map(shade =>
  [shade, `color-mix(in srgb, var(--p-${name}-${shade}) calc(<alpha-value> * 100%), transparent)`]))

export default {
  darkMode: 'class',
  content: ['./components/**/*.vue', './pages/**/*.vue', './layouts/**/*.vue', './app.vue', './error.vue'],
  theme: {
    extend: {
      colors: { primary: palette('primary'), surface: palette('surface') },
    },
  },
} satisfies Config
