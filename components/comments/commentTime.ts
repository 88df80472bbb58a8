/**
 * When a comment was written, briefly and in the interface language: "just now", "5 min. ago",
 * "14:05", "3 Mar", "3 Mar 2026" (az "5 dəqiqə öncə", "3 mar"; ru "5 мин. назад", "3 мар.").
 */
import { interfaceLocale, interfaceT } from '~~/utils/interfaceI18n'
import { formatDate, formatMinutesAgo, formatTime } from '~~/utils/localeFormat'

export function formatCommentTime(at: number, now = Date.now(), locale = interfaceLocale()): string {
  const diff = now - at
  if (diff < 60_000) return interfaceT('time.justNow')
  if (diff < 3_600_000) return formatMinutesAgo(Math.floor(diff / 60_000), locale)
  const date = new Date(at)
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return formatTime(at, locale)
  return formatDate(at, locale, date.getFullYear() !== today.getFullYear())
}
