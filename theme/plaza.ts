import { definePreset } from '@primeuix/themes'
import Aura from '@primeuix/themes/aura'

// Aura's light shade 500 falls short of WCAG AA contrast (4.5:1) as text on white, and under white
// text, for every palette on offer; shade 700 meets it. So in light mode the primary colour and the
// text of outlined and text buttons use 700.
const readable = (color: string) => ({ color: `{${color}.700}` })

// Aura's toasts are see-through (a tinted 95 % or 16 % background with a blur) and their titles are
// shade 600 (light) or 500 (dark), about 3:1 against that. Plaza's are opaque, their title and text
// at least 4.5:1 in both schemes: shade 800 on shade 50 in light, shade 200 on shade 950 in dark.
const toastTone = (color: string, scheme: 'light' | 'dark') => (scheme === 'light'
  ? { background: `{${color}.50}`, borderColor: `{${color}.300}`, color: `{${color}.800}`, detailColor: '{surface.800}', closeButton: { hoverBackground: `{${color}.100}`, focusRing: { color: `{${color}.800}`, shadow: 'none' } } }
  : { background: `{${color}.950}`, borderColor: `{${color}.700}`, color: `{${color}.200}`, detailColor: '{surface.100}', closeButton: { hoverBackground: `{${color}.900}`, focusRing: { color: `{${color}.200}`, shadow: 'none' } } })
const toastScheme = (scheme: 'light' | 'dark') => ({
  root: { blur: '0' },
  info: toastTone('sky', scheme),
  success: toastTone('green', scheme),
  warn: toastTone('amber', scheme),
  error: toastTone('red', scheme),
})

const Plaza = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
      },
    },
  },
  components: {
    toast: {
      root: { width: '22rem' },
      colorScheme: { light: toastScheme('light'), dark: toastScheme('dark') },
    },
    button: {
      colorScheme: {
        light: {
          outlined: { primary: readable('primary'), success: readable('green'), info: readable('sky'), warn: readable('orange'), help: readable('purple'), danger: readable('red') },
          text: { primary: readable('primary'), success: readable('green'), info: readable('sky'), warn: readable('orange'), help: readable('purple'), danger: readable('red') },
        },
      },
    },
  },
})

// PrimeVue styles sit between Tailwind's base and its utilities, so utility classes win over component styles.
export default {
  preset: Plaza,
  options: {
    darkModeSelector: '.dark',
    cssLayer: { name: 'primevue', order: 'tailwind-base, primevue, tailwind-utilities' },
  },
}
