/** The signed-in account and whether the workspace still needs its setup. */
import { defineStore } from 'pinia'
import type { PublicUser } from '#shared/types/user'
import type { InterfaceLocale } from '#shared/schemas/preferences'

type SessionAnswer = [{ user: PublicUser | null }, { needed: boolean }]

const askServer = (): Promise<SessionAnswer> => Promise.all([
  $fetch<{ user: PublicUser | null }>('/api/auth/me'),
  $fetch<{ needed: boolean }>('/api/setup'),
])

/** The question asked as the app started (plugins/session.client.ts), until `load` takes its answer. */
let started: Promise<SessionAnswer> | null = null

/**
 * Ask who is signed in now, as the app starts, beside the rest of its start-up work; the route
 * middleware's `load` then takes this answer instead of asking only when the first navigation
 * begins. (The account's language is applied by `load`, once the interface language is set up.)
 */
export function askSessionEarly(): void {
  started ??= askServer()
  started.catch(() => {})
}

export const useSessionStore = defineStore('session', {
  state: () => ({
    user: null as PublicUser | null,
    needsSetup: false,
    loaded: false,
  }),
  actions: {
    /** Ask the server who we are (once per page load unless forced). */
    async load(force = false) {
      if (this.loaded && !force) return
      const answer = (!force && started) || askServer()
      started = null
      const [{ user }, { needed }] = await answer
      this.user = user
      this.needsSetup = needed
      this.loaded = true
      await applyAccountLocale(user?.locale)
    },
    async login(email: string, password: string) {
      const { user } = await $fetch<{ user: PublicUser }>('/api/auth/login', { method: 'POST', body: { email, password } })
      this.user = user
      await applyAccountLocale(user.locale)
    },
    /** Remember the interface language on the account (docs/languages.md); signed out, the browser's cookie keeps it. */
    async saveLocale(locale: InterfaceLocale) {
      if (!this.user) return
      const { user } = await $fetch<{ user: PublicUser }>('/api/auth/me', { method: 'PATCH', body: { locale } })
      this.user = user
    },
    async logout() {
      await $fetch('/api/auth/logout', { method: 'POST' })
      await this.signedOut()
    },
    /** End every session of this account, on every device (open editors there close too). */
    async logoutEverywhere() {
      await $fetch('/api/auth/logout-everywhere', { method: 'POST' })
      await this.signedOut()
    },
    async signedOut() {
      this.user = null
      // The offline copy of "who am I" and of report headers must not outlive the session.
      if (import.meta.client && 'caches' in window) await caches.delete('chorus-data-v1').catch(() => {})
      await navigateTo('/login')
    },
  },
})
