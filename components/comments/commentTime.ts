/** When a comment was written, briefly: "just now", "5 min ago", "14:05", "3 Mar", "3 Mar 2026". */
export function formatCommentTime(at: number, now = Date.now()): string {
  const diff = now - at
  if (diff < 60_000) return 'just now'
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)} min ago`
  const date = new Date(at)
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const sameYear = date.getFullYear() === today.getFullYear()
  return date.toLocaleDateString('en-GB', sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })
}
