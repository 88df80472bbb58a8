/**
 * Numbers, dates and times in the interface language, through Intl (1,234 / 1.234 / 1 234;
 * "3 Mar" / "3 mar" / "3 мар."): every place the interface shows one uses these, never a fixed
 * 'en' locale. Reading the locale through utils/interfaceI18n.ts keeps a template that calls them
 * reactive to a switch.
 *
 * Chromium (and so Chrome and Edge) ships ICU data only for its own interface languages, and
 * Azerbaijani is not one: asked for 'az', its Intl answers with the root locale ("2027 M03 5",
 * "10,000", "-5 min"). Where Intl has no data for Azerbaijani, Chorus writes it as CLDR does
 * (azFormat below); Firefox and Node have the data and use Intl itself.
 */
import { interfaceLocale } from './interfaceI18n'

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | boolean>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | boolean>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined
  if (f === undefined) cache.set(key, f = make())
  return f
}

/** Does this browser's Intl know the language's month names (not only the root locale's "M01")? */
export function intlKnows(locale: string): boolean {
  return cached(`knows:${locale}`, () => !/^M?\d+$/.test(new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2027, 0, 15))))
}

/** Azerbaijani as CLDR writes it, for a browser whose Intl lacks it. */
const azFormat = {
  months: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
  monthsShort: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'],
  // Same separators as Azerbaijani: '.' between thousands, ',' before decimals.
  number: (n: number) => cached('n:de', () => new Intl.NumberFormat('de')).format(n),
  time: (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`,
}
let forceAzFallback = false
/** Tests: use the Azerbaijani fallback even where Intl knows Azerbaijani (to compare the two). */
export function useAzFallbackForTests(on: boolean): void {
  forceAzFallback = on
}
const useAz = (locale: string) => locale.split('-')[0] === 'az' && (forceAzFallback || !intlKnows(locale))

/** 12345 → "12,345" (en), "12.345" (az), "12 345" (ru). */
export function formatNumber(n: number, locale = interfaceLocale()): string {
  if (useAz(locale)) return azFormat.number(n)
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n)
}

/** A calendar day written as `YYYY-MM-DD` (a deadline), as the language writes dates: "5 mart 2027". */
export function formatDay(isoDay: string, locale = interfaceLocale()): string {
  const at = Date.parse(`${isoDay}T12:00:00Z`)
  if (Number.isNaN(at)) return isoDay
  if (useAz(locale)) {
    const d = new Date(at)
    return `${d.getUTCDate()} ${azFormat.months[d.getUTCMonth()]} ${d.getUTCFullYear()}`
  }
  return cached(`day:${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(at)
}

/** A moment's date ("5 Mar 2027"), or its day and month only when `withYear` is false. */
export function formatDate(ms: number, locale = interfaceLocale(), withYear = true): string {
  if (useAz(locale)) {
    const d = new Date(ms)
    return `${d.getDate()} ${azFormat.monthsShort[d.getMonth()]}${withYear ? ` ${d.getFullYear()}` : ''}`
  }
  return cached(`d:${locale}:${withYear}`, () => new Intl.DateTimeFormat(locale, withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' })).format(ms)
}

/** A moment's time of day, "14:05". */
export function formatTime(ms: number, locale = interfaceLocale()): string {
  if (useAz(locale)) return azFormat.time(new Date(ms))
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })).format(ms)
}

/** A moment with its date and time ("5 Mar 2027, 14:05"). */
export function formatDateTime(ms: number, locale = interfaceLocale()): string {
  if (useAz(locale)) return `${formatDate(ms, locale)}, ${azFormat.time(new Date(ms))}`
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms)
}

/** "5 min. ago" / "5 dəqiqə öncə" / "5 мин. назад". */
export function formatMinutesAgo(minutes: number, locale = interfaceLocale()): string {
  if (useAz(locale)) return `${minutes} dəqiqə öncə`
  return cached(`rt:${locale}`, () => new Intl.RelativeTimeFormat(locale, { style: 'short' })).format(-minutes, 'minute')
}
