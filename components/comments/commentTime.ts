/**
 * When a comment was written, briefly and in the interface language: "just now", "5 min ago",
 * "14:05", "3 Mar", "3 Mar 2026" (az "5 dəq. əvvəl", ru "5 мин. назад", "3 мар.").
 */
import { interfaceLocale, interfaceT } from '~~/utils/interfaceI18n'

export function formatCommentTime(at: number, now = Date.now(), locale = interfaceLocale()): string {
  const diff = now - at
  if (diff < 60_000) return interfaceT('time.justNow')
  if (diff < 3_600_000) return new Intl.RelativeTimeFormat(locale, { style: 'short' }).format(-Math.floor(diff / 60_000), 'minute')
  const date = new Date(at)
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
  const sameYear = date.getFullYear() === today.getFullYear()
  return date.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })
}
