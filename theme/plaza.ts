import { definePreset } from '@primeuix/themes'
import Aura from '@primeuix/themes/aura'

// Aura's light shade 500 falls short of WCAG AA contrast (4.5:1) as text on white, and under white
// text, for every palette on offer; shade 700 meets it. So in light mode the primary colour and the
// text of outlined and text buttons use 700.
const readable = (color: string) => ({ color: `{${color}.700}` })

const Plaza = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
      },
    },
  },
  components: {
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
