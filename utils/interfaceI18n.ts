/**
 * The interface's translator for code that runs outside a component's setup (stores, toasts
 * raised after an `await`, error messages of failed requests), where `useI18n()` cannot be
 * called. plugins/interfaceI18n.ts hands over the app's one i18n instance at start-up.
 */
import type { Composer } from 'vue-i18n'
import { INTERFACE_LOCALES } from '#shared/schemas/preferences'
import type { InterfaceLocale } from '#shared/schemas/preferences'

interface Bridge {
  t: Composer['t']
  te: (key: string) => boolean
  locale: () => string
  setLocale: (locale: InterfaceLocale) => Promise<void>
}

let bridge: Bridge | undefined

/** Called once by plugins/interfaceI18n.ts. */
export function connectInterfaceI18n(value: Bridge): void {
  bridge = value
}

/** Translate a key of locales/*.json (the English key itself before the plugin ran, e.g. in unit tests). */
export function interfaceT(key: string, named: Record<string, unknown> = {}, plural?: number): string {
  if (!bridge) return key
  return plural === undefined ? bridge.t(key, named) : bridge.t(key, named, plural)
}

/** Does the current language (or English) have this key? */
export function interfaceHas(key: string): boolean {
  return bridge?.te(key) ?? false
}

/** The current interface language, as a BCP 47 tag Intl understands. */
export function interfaceLocale(): string {
  return bridge?.locale() ?? 'en'
}

/** Switch the interface to an account's saved language (null: keep what the browser chose). */
export async function applyAccountLocale(locale: string | null | undefined): Promise<void> {
  if (!bridge || !locale || !(INTERFACE_LOCALES as readonly string[]).includes(locale) || locale === bridge.locale()) return
  await bridge.setLocale(locale as InterfaceLocale)
}
