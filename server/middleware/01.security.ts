/**
 * Web security for every request: security headers (the Content-Security-Policy with a
 * per-response script nonce is set in plugins/cspNonce.ts), and a refusal of state-changing
 * requests that come from another site (CSRF), judged by Sec-Fetch-Site and Origin. Request
 * bodies are limited next, in 02.bodyLimit.ts.
 */
import { defineEventHandler, getHeader, getRequestHost, getRequestProtocol, setResponseHeaders } from 'h3'
import { forbidden } from '../utils/errors'
import { logDenial } from '../utils/logDenial'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The origin the app is served from: PUBLIC_ORIGIN, or the request's own. */
export function expectedOrigin(event: Parameters<typeof getRequestHost>[0]): string {
  return process.env.PUBLIC_ORIGIN?.replace(/\/+$/, '') || `${getRequestProtocol(event)}://${getRequestHost(event)}`
}

export default defineEventHandler((event) => {
  setResponseHeaders(event, {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
  if (SAFE_METHODS.has(event.method)) return

  const site = getHeader(event, 'sec-fetch-site')
  const origin = getHeader(event, 'origin')
  if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== expectedOrigin(event))) {
    logDenial({ reason: 'cross-site request', route: event.path, userId: null })
    throw forbidden('crossSite')
  }
})
