// Chorus — Nuxt configuration. Layout and stack are fixed by ../shared/DESIGN.md.
export default defineNuxtConfig({
  // Nuxt 4 would otherwise look for app/ and silently ignore the top-level pages/.
  srcDir: '.',
  // Separate build folders let two builds (e.g. a test build and a dev build) run side by side.
  buildDir: process.env.NUXT_BUILD_DIR || '.nuxt',
  compatibilityDate: '2026-11-01',
  // A signed-in document tool: the browser renders everything (the editor and Y.Doc are client-only anyway).
  ssr: false,
  devtools: { enabled: false },
  telemetry: false,
  modules: ['@nuxt/ui', '@pinia/nuxt', '@nuxt/eslint', '@nuxtjs/i18n'],
  // Only .vue files are components; components/comments also holds plain TypeScript helpers.
  components: [{ path: '~/components', extensions: ['vue'] }],
  css: ['~/assets/css/main.css'],
  ui: { fonts: false },
  icon: {
    provider: 'server',
    fallbackToApi: false,
    serverBundle: { collections: ['lucide'] },
    clientBundle: { scan: true },
  },
  // Light or dark as the system says (prefers-color-scheme), followed live. A storage key of our
  // own: browsers that ran the light-only build kept "light" under the module's default key.
  colorMode: { preference: 'system', fallback: 'light', storageKey: 'chorus-color-mode' },
  app: {
    head: {
      // The shell's language until the app starts; app.vue then sets the interface language's.
      htmlAttrs: { lang: 'en' },
      title: 'Chorus',
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },
  nitro: {
    // Nuxt 4.5's fallback Nitro type lacks this key, but Nitro reads it: without it upgrades get 426.
    experimental: { websocket: true } as { envExpansion?: boolean },
    output: { dir: process.env.NUXT_OUTPUT_DIR || '.output' },
  },
  vite: {
    // CHORUS_UNMINIFIED=1 keeps the client's function names, for reading CPU profiles (docs/performance.md).
    ...(process.env.CHORUS_UNMINIFIED ? { build: { minify: false } } : {}),
    resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/y-tiptap', '@tiptap/pm', '@tiptap/core'] },
    optimizeDeps: {
      include: [
        'yjs', 'y-websocket', 'y-indexeddb', 'y-protocols/awareness', 'lib0/encoding', 'lib0/decoding',
        '@tiptap/vue-3', '@tiptap/core', '@tiptap/pm/state', '@tiptap/pm/view', '@tiptap/pm/model',
        '@tiptap/starter-kit', '@tiptap/extension-collaboration', '@tiptap/extension-collaboration-caret',
        '@tiptap/extension-table', '@tiptap/extensions', '@tiptap/extension-mention', '@tiptap/y-tiptap',
      ],
    },
  },
  // The interface in English, Azerbaijani (Latin script) and Russian (docs/languages.md). One
  // message file per language under locales/, loaded only when chosen; URLs carry no language
  // prefix (a signed-in account's own choice, kept on the server, decides; before sign-in the
  // browser's languages do). app.vue sets <html lang> from the current locale.
  i18n: {
    restructureDir: '.',
    langDir: 'locales',
    locales: [
      { code: 'en', language: 'en', name: 'English', file: 'en.json' },
      { code: 'az', language: 'az', name: 'Azərbaycanca', file: 'az.json' },
      { code: 'ru', language: 'ru', name: 'Русский', file: 'ru.json' },
    ],
    defaultLocale: 'en',
    strategy: 'no_prefix',
    vueI18n: './i18n.config.ts',
    detectBrowserLanguage: { useCookie: true, cookieKey: 'chorus_locale', redirectOn: 'root', fallbackLocale: 'en' },
  },
  typescript: { strict: true },
  eslint: { config: { stylistic: false } },
})
