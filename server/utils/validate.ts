/**
 * Validation at the boundary: a body, query or route parameter either parses against its zod
 * schema or the request ends with 400 naming the first invalid field. Nothing unvalidated goes further.
 */
import { getQuery, getRouterParam, readBody } from 'h3'
import type { H3Event } from 'h3'
import type { z } from 'zod'
import { ID_PATTERN } from '#shared/docNames'
import { badRequest } from './errors'

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.join('.') || where
  throw badRequest('invalidField', field, { field, detail: issue.message })
}

/** The JSON body, validated. h3 hands over the copy middleware/02.bodyLimit.ts read within the route's limit. */
export async function validBody<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await readBody(event)
  } catch {
    throw badRequest('invalidJson', 'body')
  }
  return parse(schema, body ?? {}, 'body')
}

/** Any other value (a multipart field, parsed JSON), validated; `where` names it when the issue has no path. */
export function validValue<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  return parse(schema, value, where)
}

/** The query string, validated. */
export function validQuery<S extends z.ZodType>(event: H3Event, schema: S): z.infer<S> {
  return parse(schema, getQuery(event), 'query')
}

/** A route id parameter (report, section, user, invitation), checked against the id pattern. */
export function idParam(event: H3Event, name: string): string {
  const value = getRouterParam(event, name, { decode: true }) ?? ''
  if (!ID_PATTERN.test(value)) throw badRequest('invalidId', name, { field: name })
  return value
}
