/**
 * Numbers, dates and times in the interface language, through Intl (1,234 / 1 234; "3 Mar" /
 * "3 мар."): every place the interface shows one uses these, never a fixed 'en' locale. Reading
 * the locale through utils/interfaceI18n.ts keeps a template that calls them reactive to a switch.
 */
import { interfaceLocale } from './interfaceI18n'

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined
  if (!f) cache.set(key, f = make())
  return f
}

/** 12345 → "12,345" (en), "12.345" (az), "12 345" (ru). */
export function formatNumber(n: number, locale = interfaceLocale()): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n)
}

/** A calendar day written as `YYYY-MM-DD` (a deadline), as the language writes dates. */
export function formatDay(isoDay: string, locale = interfaceLocale()): string {
  const at = Date.parse(`${isoDay}T12:00:00Z`)
  if (Number.isNaN(at)) return isoDay
  return cached(`day:${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(at)
}

/** A moment with its date and time ("3 Mar 2026, 14:05"). */
export function formatDateTime(ms: number, locale = interfaceLocale()): string {
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms)
}

/** A moment's date only. */
export function formatDate(ms: number, locale = interfaceLocale()): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(ms)
}
