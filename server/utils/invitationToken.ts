import { getRouterParam } from 'h3'
import type { H3Event } from 'h3'
import { notFound } from './errors'

/** The invitation token of the route, checked for shape before any lookup. */
export function invitationToken(event: H3Event): string {
  const token = getRouterParam(event, 'token') ?? ''
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound('invitation')
  return token
}
