import Aura from '@primeuix/themes/aura'

// PrimeVue styles sit between Tailwind's base and its utilities, so utility classes win over component styles.
export default {
  preset: Aura,
  options: {
    darkModeSelector: '.dark',
    cssLayer: { name: 'primevue', order: 'tailwind-base, primevue, tailwind-utilities' },
  },
}
