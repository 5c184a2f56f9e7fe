import { addPluginTemplate, addTemplate, defineNuxtModule, useLogger } from '@nuxt/kit'
import plazaTheme from '../theme/plaza'

/** What @primevue/nuxt-module puts in the public runtime config: its options and every style module it registered. */
interface PrimeVuePublicConfig {
  usePrimeVue?: boolean
  options?: Record<string, unknown>
  styles?: { name: string, from: string }[]
}

/** The part of a PrimeVue style module (`primevue/button/style` and the like) that holds its CSS. */
interface StyleModule {
  name: string
  /** Structural CSS, unlayered (the base style, icons). */
  css?: unknown
  /** The component's themed style, a function of the design tokens. */
  style?: unknown
  getCommonTheme?: () => { primitive?: { css?: string }, semantic?: { css?: string }, global?: { css?: string }, style?: unknown }
  getComponentTheme?: () => { css?: string, style?: unknown } | undefined
}

/**
 * PrimeVue's Nuxt module writes the theme (tokens, dark mode, every registered component's styles)
 * into each server-rendered page as ~45 <style> elements, about 150 KB a page. This module renders
 * the same CSS once, at build time, from the same preset and style modules, into a file that joins
 * the app's own CSS in the hashed, cacheable stylesheet Vite emits; `loadStyles: false` in
 * nuxt.config.ts stops the inlining, and the server no longer needs the theme at all. Dark mode
 * stays class-based (`.dark` is in the file) and the colour picker keeps overriding `--p-primary-*`
 * at run time with an unlayered style.
 *
 * Local modules in modules/ load after those listed in nuxt.config.ts, so PrimeVue's is set up here.
 */
export default defineNuxtModule({
  meta: { name: 'plaza-primevue-stylesheet' },
  setup(_options, nuxt) {
    const primevue = nuxt.options.runtimeConfig.public.primevue as PrimeVuePublicConfig | undefined
    if (!primevue?.styles?.length) throw new Error('plaza-primevue-stylesheet: @primevue/nuxt-module must be set up first')
    // The SVG icons' own style (size, spin) is not in PrimeVue's list: without it, it arrives only with hydration.
    const compiled = compileTheme([...primevue.styles.map(style => style.from), '@primevue/icons/baseicon/style'])

    const stylesheet = addTemplate({ filename: 'plaza/primevue-theme.css', write: true, getContents: async () => (await compiled).css })
    nuxt.options.css.push(stylesheet.dst)
    // With loadStyles off, PrimeVue's server plugin has nothing to add to a page but still pushes
    // empty arrays into its head chunks; leave it out.
    nuxt.hook('nitro:config', (config) => {
      config.plugins = config.plugins?.filter(plugin => !plugin?.includes('@primevue/nuxt-module'))
    })

    // PrimeVue gets the theme in the browser only, where $dt() and any style missing from the file
    // need it; the server renders markup alone. PrimeVue injects a component's theme as a <style> the
    // first time one mounts unless its name is marked loaded, and the file has them all. The theme is
    // set before PrimeVue is installed: installed without one, it would write its global style
    // outside the CSS layer. Setting the theme clears the marks, so mark them after.
    addPluginTemplate({
      filename: 'plaza/primevue-theme.client.mjs',
      mode: 'client',
      getContents: async () => `import { Theme } from '@primeuix/styled'
import PrimeVue from 'primevue/config'
import { defineNuxtPlugin, useRuntimeConfig } from '#imports'
import plazaTheme from '~/theme/plaza'

export default defineNuxtPlugin({
  name: 'plaza:primevue-theme',
  enforce: 'pre',
  setup({ vueApp }) {
    Theme.setTheme(plazaTheme)
    for (const name of ${JSON.stringify((await compiled).names)}) Theme.setLoadedStyleName(name)
    vueApp.use(PrimeVue, useRuntimeConfig().public.primevue.options)
  },
})
`,
    })

    // On the server, PrimeVue's install would make its config reactive and watch it deeply, theme and
    // locale included, for every page (~0.4 ms of a render): components only read $primevue.config there.
    addPluginTemplate({
      filename: 'plaza/primevue-config.server.mjs',
      mode: 'server',
      getContents: () => `import { defaultOptions } from 'primevue/config'
import { defineNuxtPlugin, useRuntimeConfig } from '#imports'

export default defineNuxtPlugin({
  name: 'plaza:primevue-config',
  enforce: 'pre',
  setup({ vueApp }) {
    vueApp.config.globalProperties.$primevue = { config: { ...defaultOptions, ...useRuntimeConfig().public.primevue.options } }
  },
})
`,
    })

    // The module also copies its whole registry (every component, style and path) into the public
    // runtime config, which Nuxt serializes into every page; only the options are read. PrimeVue is
    // installed by the two plugins above, so the module's own plugin installs its services alone.
    const trimmed: PrimeVuePublicConfig = { usePrimeVue: false, options: primevue.options }
    nuxt.options.runtimeConfig.public.primevue = trimmed as typeof nuxt.options.runtimeConfig.public.primevue
  },
})

/**
 * The CSS PrimeVue writes into the page in the browser, in the order it writes it: the structural
 * base styles as components mount; on install, the tokens as variables and the global style with
 * the preset's own CSS; then, as each component first mounts, its variables and its style with the
 * preset's CSS for it. (The module's server-side rendering leaves out the preset's CSS, for
 * instance Aura's `transition: none` on sorted table headers.) The first style module is PrimeVue's
 * BaseStyle, as in the module's list.
 */
export async function compileTheme(styleModules: string[]): Promise<{ css: string, names: string[] }> {
  const { Theme, css: evaluate } = await import('@primeuix/styled')
  Theme.setTheme(plazaTheme)
  const styles: StyleModule[] = []
  for (const from of styleModules) styles.push((await import(from)).default as StyleModule)
  const [base, ...components] = styles
  if (base?.name !== 'base') throw new Error(`plaza-primevue-stylesheet: expected PrimeVue's BaseStyle first, got ${base?.name}`)
  const styled = (name: string, own: unknown, preset: unknown) => Theme.transformCSS(name, `${evaluate`${own}`}${evaluate`${preset}`}`)
  const common = base.getCommonTheme?.() ?? {}
  const css = [
    ...styles.map(style => evaluate`${style.css}`),
    common.primitive?.css,
    common.semantic?.css,
    common.global?.css,
    styled('global-style', base.style, common.style),
    ...components.flatMap((style) => {
      const theme = style.getComponentTheme?.() ?? {}
      return [theme.css, styled(`${style.name}-style`, style.style, theme.style)]
    }),
  ].filter(Boolean).join('\n')
  useLogger('plaza').info(`PrimeVue theme compiled to a stylesheet: ${(css.length / 1024).toFixed(0)} KB, ${styles.length} style modules`)
  // 'common' is the tokens and global styles; 'layer-order' is declared by assets/css/main.css.
  return { css, names: [...new Set(['common', 'layer-order', ...components.map(style => style.name)])] }
}
