/** Asks who is signed in as the app starts (stores/session.ts, `askSessionEarly`). */
import { askSessionEarly } from '~/stores/session'

export default defineNuxtPlugin({
  name: 'chorus:session',
  // Before the interface language's messages load (@nuxtjs/i18n waits for them).
  enforce: 'pre',
  setup: () => askSessionEarly(),
})
