/**
 * What the link dialog accepts: web and email addresses only. "example.org" becomes
 * "https://example.org" and "name@example.org" a mailto: link, as a word processor does;
 * anything with another scheme (javascript:, data:, file:) is refused with a reason.
 */
import { isAllowedHref } from '#shared/editor/extensions'

/** Why an address is refused: a key of locales/*.json `link.errors`. */
export type LinkProblem = 'empty' | 'scheme' | 'noDomain'
export type LinkCheck = { ok: true, href: string } | { ok: false, error: LinkProblem }

const EMAIL = /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

export function normalizeLinkHref(input: string): LinkCheck {
  let href = input.trim()
  if (!href) return { ok: false, error: 'empty' }
  if (EMAIL.test(href)) href = `mailto:${href}`
  else if (!SCHEME.test(href)) href = `https://${href.replace(/^\/+/, '')}`
  if (!isAllowedHref(href)) {
    return { ok: false, error: 'scheme' }
  }
  if (/^https?:/i.test(href) && !new URL(href).hostname.includes('.') && new URL(href).hostname !== 'localhost') {
    return { ok: false, error: 'noDomain' }
  }
  return { ok: true, href }
}
