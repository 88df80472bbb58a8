/**
 * What the link dialog accepts: web and email addresses only. "example.org" becomes
 * "https://example.org" and "name@example.org" a mailto: link, as a word processor does;
 * anything with another scheme (javascript:, data:, file:) is refused with a reason.
 */
import { isAllowedHref } from '#shared/editor/extensions'

export type LinkCheck = { ok: true, href: string } | { ok: false, error: string }

const EMAIL = /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

export function normalizeLinkHref(input: string): LinkCheck {
  let href = input.trim()
  if (!href) return { ok: false, error: 'Enter a web address (https://…) or an email address.' }
  if (EMAIL.test(href)) href = `mailto:${href}`
  else if (!SCHEME.test(href)) href = `https://${href.replace(/^\/+/, '')}`
  if (!isAllowedHref(href)) {
    return { ok: false, error: 'Only web links (http, https) and email links (mailto) are allowed.' }
  }
  if (/^https?:/i.test(href) && !new URL(href).hostname.includes('.') && new URL(href).hostname !== 'localhost') {
    return { ok: false, error: 'That does not look like a web address: it needs a domain such as example.org.' }
  }
  return { ok: true, href }
}
