/**
 * Starts loading the interface's messages as the app starts. @nuxtjs/i18n loads them only once
 * Nuxt's router plugin has waited for the page's code, and the app mounts only after them: on a
 * report page that put the messages' request on the way to the first editable section
 * (docs/performance.md). Its own loaders are called, so the request is the very one it makes
 * later (the module is loaded once); English always (the fallback), and the language the
 * `chorus_locale` cookie remembers.
 */
import { localeLoaders } from '#build/i18n-options.mjs'

type Loaders = Record<string, Array<{ load?: () => Promise<unknown> }> | undefined>

export default defineNuxtPlugin({
  name: 'chorus:locale-messages',
  // Before Nuxt's router plugin.
  order: -25,
  setup() {
    const remembered = /(?:^|;\s*)chorus_locale=([^;]+)/.exec(document.cookie)?.[1]
    for (const code of new Set(['en', remembered ?? 'en'])) {
      for (const loader of (localeLoaders as Loaders)[code] ?? []) loader.load?.().catch(() => {})
    }
  },
})
