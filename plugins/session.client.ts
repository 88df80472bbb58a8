/** Asks who is signed in as the app starts (stores/session.ts, `askSessionEarly`). */
import { askSessionEarly } from '~/stores/session'

export default defineNuxtPlugin({
  name: 'chorus:session',
  // Before Nuxt's router plugin, which waits for the page's code before any later plugin runs.
  order: -25,
  setup: () => askSessionEarly(),
})
