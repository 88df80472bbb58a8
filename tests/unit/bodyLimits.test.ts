/**
 * The body-limit table agrees with the routes on disk: every route that reads a body has a
 * limit, every entry names a real route, anonymous routes are small, and anything else
 * (unknown paths, other methods, look-alike paths) takes no body.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ANONYMOUS_MAX_BYTES, BODY_LIMITS, bodyLimitFor } from '~~/server/http/bodyLimits'

const API_DIR = join(import.meta.dirname, '../../server/api')
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap(e => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])

/** `METHOD /api/...` with `:param` segments, for each route file with a method in its name. */
const routes = walk(API_DIR).flatMap((file) => {
  const rel = relative(API_DIR, file).replace(/\.ts$/, '')
  const method = /\.(get|post|patch|put|delete)$/.exec(rel)?.[1]?.toUpperCase()
  if (!method) return []
  const path = '/api/' + rel.replace(/\.\w+$/, '').split('/').filter(s => s !== 'index')
    .map(s => s.replace(/^\[(\w+)\]$/, ':$1')).join('/')
  return [{ route: `${method} ${path}`, readsBody: /validBody|readBody|readRawBody|readMultipartFormData|readFormData/.test(readFileSync(file, 'utf8')) }]
})

describe('request body limits table', () => {
  it('gives every route that reads a body a limit, and none to a route that reads none', () => {
    for (const { route, readsBody } of routes) {
      const [method, path] = route.split(' ') as [string, string]
      const concrete = path.replace(/:\w+/g, 'abcdef123456')
      if (readsBody) expect(bodyLimitFor(method, concrete), route).toBeGreaterThan(0)
      else expect(bodyLimitFor(method, concrete), route).toBe(0)
    }
  })

  it('names only routes that exist', () => {
    const onDisk = new Set(routes.map(r => r.route.replace(/:\w+/g, ':p')))
    for (const { route } of BODY_LIMITS) expect(onDisk, route).toContain(route.replace(/:\w+/g, ':p'))
  })

  it('keeps the routes reachable without a session small', () => {
    for (const path of ['/api/setup', '/api/auth/login', '/api/invitations/abcdef123456/accept']) {
      expect(bodyLimitFor('POST', path), path).toBeLessThanOrEqual(ANONYMOUS_MAX_BYTES)
    }
  })

  it('takes no body on anything not in the table', () => {
    expect(bodyLimitFor('GET', '/api/auth/login')).toBe(0)
    expect(bodyLimitFor('POST', '/api/auth/login/')).toBe(0)
    expect(bodyLimitFor('POST', '/api/reports//members')).toBe(0)
    expect(bodyLimitFor('POST', '/api/nope')).toBe(0)
    expect(bodyLimitFor('POST', '/login')).toBe(0)
  })
})
