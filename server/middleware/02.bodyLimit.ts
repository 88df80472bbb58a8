/**
 * The one place request bodies are read from the network. Every request that carries a body
 * (any method; Content-Length or chunked) is read here, up to its route's limit
 * (http/bodyLimits.ts), before any route runs; past the limit the request is paused, answered
 * 413 and its connection closed shortly after, the rest never read. The body read is handed to h3 as
 * `event._requestBody`, which readBody, readRawBody, readMultipartFormData and readValidatedBody
 * all use first, so no route can read more than its limit, and a route that takes no body
 * cannot be made to hold one (its limit is 0).
 */
import { defineEventHandler } from 'h3'
import type { H3Event } from 'h3'
import { ANONYMOUS_MAX_BYTES, bodyLimitFor } from '../http/bodyLimits'
import { BodyTooLargeError, readBodyWithin } from '../http/readBodyWithin'
import { currentUser } from '../utils/session'
import { badRequest, tooLarge } from '../utils/errors'
import { logDenial } from '../utils/logDenial'

/** How long a refused upload's connection stays open, unread, so the client can read the 413. */
const LINGER_MS = 2000

/** The route's limit, or the anonymous one when the request has no valid session. */
async function allowedBytes(event: H3Event, pathname: string): Promise<number> {
  const routeMax = bodyLimitFor(event.method, pathname)
  if (routeMax <= ANONYMOUS_MAX_BYTES) return routeMax
  return (await currentUser(event)) ? routeMax : ANONYMOUS_MAX_BYTES
}

/**
 * The rest of the body stays unread (the request is paused), so the connection cannot serve
 * another request: close it, but only a moment after the 413 has gone out. Closing a socket
 * with unread input makes the kernel send a reset, which can destroy the answer before the
 * client has read it (the reason web servers "linger" before closing).
 */
function closeAfterAnswer(event: H3Event): void {
  const { req, res } = event.node
  // read(0) marks the body as taken, so Node does not drain it after the answer (its default
  // for an unread body); paused, the request stops the socket once its 16 KiB buffer is full.
  req.read(0)
  req.pause()
  // Node would close the socket the moment the 413 is written (if the client sent
  // Connection: close); keep it, and close it ourselves after the linger.
  res.shouldKeepAlive = true
  res.removeHeader('connection')
  res.once('finish', () => setTimeout(() => req.socket?.destroy(), LINGER_MS).unref())
}

function refuse(event: H3Event, pathname: string, maxBytes: number): Error {
  logDenial({ reason: `request body over ${maxBytes} bytes`, route: `${event.method} ${pathname.slice(0, 200)}`, userId: (event.context.user as { id?: string } | null | undefined)?.id ?? null })
  closeAfterAnswer(event)
  return (maxBytes === 0 ? tooLarge('bodyNotAllowed') : tooLarge('bodyTooLarge', { kib: Math.max(1, Math.floor(maxBytes / 1024)) }))
}

export default defineEventHandler(async (event) => {
  const req = event.node.req
  const chunked = /\bchunked\b/i.test(String(req.headers['transfer-encoding'] ?? ''))
  const declared = Number(req.headers['content-length'] ?? 0)
  if (!chunked && !(declared > 0)) return // no body (HTTP/1.1 has no third framing for requests)

  const pathname = event.path.split('?')[0]!
  const maxBytes = await allowedBytes(event, pathname)
  if (declared > maxBytes) throw refuse(event, pathname, maxBytes)
  try {
    event._requestBody = await readBodyWithin(req, maxBytes)
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw refuse(event, pathname, maxBytes)
    throw badRequest('bodyEndedEarly')
  }
})
