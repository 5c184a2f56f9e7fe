// Nuxt 4 with srcDir '.' so that pages/, components/ and stores/ stay at the top of the repository.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  srcDir: '.',
  serverDir: 'server',
  devtools: { enabled: false },
  telemetry: false,

  modules: ['@nuxtjs/tailwindcss', '@primevue/nuxt-module', '@pinia/nuxt', 'nuxt-auth-utils'],

  css: ['~/assets/css/main.css', 'primeicons/primeicons.css'],

  app: {
    head: {
      title: 'Plaza',
      htmlAttrs: { lang: 'en' },
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        { name: 'description', content: 'Plaza: an event-driven shopping mall on Nuxt, PostgreSQL and NATS JetStream.' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },

  primevue: {
    // Only the components a page uses are bundled; registering all of them makes every SSR page ~600 KB.
    autoImport: true,
    // The module inlines the styles of every registered component into each SSR page, so register only
    // what Plaza renders, including the parts DataTable draws itself (Paginator, Checkbox, Select).
    components: {
      include: [
        'Button', 'ConfirmDialog', 'Toast', 'Dialog', 'Drawer', 'Popover', 'Tag', 'Skeleton',
        'DataTable', 'Column', 'Paginator', 'Checkbox', 'Select', 'ToggleSwitch',
        'InputText', 'InputNumber', 'Textarea', 'IconField', 'InputIcon',
        'Timeline', 'Slider',
      ],
    },
    directives: { include: [] },
    // No theme here: modules/primevue-stylesheet.ts compiles theme/plaza.ts into the app's stylesheet at
    // build time and gives it to PrimeVue in the browser only. Given here, the server would rebuild the
    // theme's tokens for every page it renders, and the module would inline ~150 KB of CSS into each.
    loadStyles: false,
    options: { ripple: false },
  },

  tailwindcss: { cssPath: false, exposeConfig: false, viewer: false },

  pinia: { storesDirs: ['./stores/**'] },

  // Passkeys: nuxt-auth-utils' WebAuthn handlers (server/utils/passkeys.ts) and useWebAuthn.
  auth: { webAuthn: true },

  // Environment is parsed with zod in server/platform/config.ts; nothing secret goes into the build.
  runtimeConfig: {
    // 90 days: the longest PLAZA_SESSION_MAX_SECONDS allows. Each session's row (server/modules/sessions)
    // ends it sooner, at the configured idle and absolute lifetimes, and its cookie is sealed for the latter.
    session: { name: 'plaza-session', maxAge: 60 * 60 * 24 * 90, cookie: { sameSite: 'lax' } },
  },

  nitro: {
    // Nitro would load every file under server/modules at build time as a Nitro module; those are
    // Plaza's domain modules, which the routes import like any other code.
    ignore: ['modules/**'],
    // The session's user type (auth.d.ts) and the worker share the server's compiler settings.
    typescript: { tsConfig: { include: ['../auth.d.ts', '../workers/**/*', '../scripts/**/*'] } },
    publicAssets: [
      // Swagger UI served from the npm package, so /api/docs works offline.
      { baseURL: '/api/docs/assets', dir: '../node_modules/swagger-ui-dist', maxAge: 60 * 60 * 24 },
    ],
  },

  hooks: {
    // nuxt-auth-utils adds the settings of its ~40 OAuth providers (252 keys) to the runtime config;
    // Plaza signs in with passwords and passkeys only. Nitro copies that config and looks up an
    // environment variable for every key on each request that reads it (every page), ~1 ms each.
    'nitro:config'(nitroConfig) {
      delete nitroConfig.runtimeConfig?.oauth
    },
    // Of swagger-ui-dist's 12 MB only the bundle and its stylesheet are served.
    async 'nitro:build:public-assets'(nitro) {
      const { readdir, rm } = await import('node:fs/promises')
      const dir = `${nitro.options.output.publicDir}/api/docs/assets`
      const keep = new Set(['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'])
      for (const file of await readdir(dir)) {
        if (!keep.has(file)) await rm(`${dir}/${file}`, { recursive: true })
      }
    },
  },

  typescript: {
    strict: true,
    // Node-side code is checked once, in its own project: workers/ and scripts/ with the server (nitro
    // above), tests/ and bench/ in tsconfig.tests.json; not also as browser code with the app's auto-imports.
    tsConfig: { exclude: ['../workers', '../scripts', '../tests', '../bench'] },
    // Unit tests load the app's helpers (utils/), which import shared/ through Nuxt's alias.
    nodeTsConfig: { compilerOptions: { paths: { '#shared/*': ['../shared/*'] } } },
  },
})
