import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CLOSE, CLOSE_REASON, MESSAGE, SYNC, classifyClose, collabPath, collabServerUrl, forbiddenWriteReason, parseCollabPath,
} from '#shared/collabContract'

const ROOT = join(import.meta.dirname, '../..')

describe('the websocket contract shared by browser and server', () => {
  it('builds and parses the path of a report socket, and only that path', () => {
    expect(collabPath('rep_abc123')).toBe('/api/collab/rep_abc123')
    expect(parseCollabPath(collabPath('rep_abc123'))).toBe('rep_abc123')
    expect(parseCollabPath('/api/collab/rep_abc123/')).toBe('rep_abc123')
    for (const path of ['/api/collab', '/api/collab/', '/api/collab/x', '/api/collab/a/b/c/d', '/api/health', '/api/collab/..%2F..%2Fetc']) {
      expect(parseCollabPath(path), path).toBeNull()
    }
    // y-websocket appends `/<room>` to its server URL.
    expect(`${collabServerUrl('https://reports.example.org')}/rep_abc123`).toBe('wss://reports.example.org/api/collab/rep_abc123')
    expect(collabServerUrl('http://localhost:3000')).toBe('ws://localhost:3000/api/collab')
  })

  it('keeps the close codes of DESIGN.md and the y-websocket message numbers', () => {
    expect(CLOSE).toMatchObject({ notSignedIn: 4401, forbidden: 4403, malformed: 4400, tooLarge: 4413, tryAgain: 1013, serverError: 1011 })
    expect(MESSAGE).toEqual({ sync: 0, awareness: 1, queryAwareness: 3 })
    expect(SYNC).toEqual({ step1: 0, step2: 1, update: 2 })
  })

  it('tells the browser what each close means', () => {
    expect(classifyClose(CLOSE.notSignedIn, CLOSE_REASON.notSignedIn)).toEqual({ kind: 'signed-out', final: true })
    // However the session ended (sign-out, expiry, password change), 4401 means signed out.
    expect(classifyClose(CLOSE.notSignedIn, 'session ended')).toEqual({ kind: 'signed-out', final: true })
    expect(classifyClose(CLOSE.forbidden, CLOSE_REASON.notMember)).toEqual({ kind: 'no-access', final: true })
    expect(classifyClose(CLOSE.forbidden, CLOSE_REASON.membershipRemoved)).toEqual({ kind: 'no-access', final: true })
    expect(classifyClose(CLOSE.forbidden, forbiddenWriteReason('only the secretariat edits the report metadata')))
      .toEqual({ kind: 'forbidden-write', final: true, rule: 'only the secretariat edits the report metadata' })
    expect(classifyClose(CLOSE.malformed, 'malformed update')).toEqual({ kind: 'malformed', final: true })
    expect(classifyClose(CLOSE.tooLarge, CLOSE_REASON.tooLarge)).toEqual({ kind: 'too-large', final: true })
    expect(classifyClose(CLOSE.tryAgain, CLOSE_REASON.storageUnavailable)).toEqual({ kind: 'try-again', final: false })
    expect(classifyClose(CLOSE.serverError, 'send failed')).toEqual({ kind: 'dropped', final: false })
    expect(classifyClose(1006, '')).toEqual({ kind: 'dropped', final: false })
    // Any other 44xx stops the stock provider too: treat it as a refusal, never as "still fine".
    expect(classifyClose(4429, 'slow down')).toEqual({ kind: 'refused', final: true })
  })

  it('keeps a forbidden-write reason within the 123 bytes a close frame allows, whatever the script', () => {
    const reason = forbiddenWriteReason('ü'.repeat(200))
    expect(reason.startsWith(CLOSE_REASON.forbiddenWritePrefix)).toBe(true)
    expect(new TextEncoder().encode(reason).byteLength).toBeLessThanOrEqual(123)
    expect(reason).not.toContain('\uFFFD')
  })
})

/** Source files of the app, with comments removed (comments may explain a code by its number). */
function appSources(): Array<{ file: string, code: string }> {
  const out: Array<{ file: string, code: string }> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|vue|mjs)$/.test(entry.name)) out.push({ file: relative(ROOT, path), code: stripComments(readFileSync(path, 'utf8')) })
    }
  }
  for (const dir of ['composables', 'components', 'pages', 'server']) walk(join(ROOT, dir))
  return out
}

function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1')
}

describe('the contract is written once', () => {
  const sources = appSources()

  it('scans the app sources', () => {
    expect(sources.length).toBeGreaterThan(50)
    expect(sources.some(s => s.file === 'composables/useReportDoc.ts')).toBe(true)
  })

  it('names no close code by its number outside shared/collabContract.ts', () => {
    const bare = sources.flatMap(({ file, code }) => [...code.matchAll(/\b(4400|4401|4403|4413|1011|1013)\b/g)].map(m => `${file}: ${m[0]}`))
    expect(bare).toEqual([])
  })

  it('spells the websocket path only in shared/collabContract.ts', () => {
    expect(sources.filter(s => s.code.includes('/api/collab')).map(s => s.file)).toEqual([])
  })

  it('defines the y-websocket message types only in shared/collabContract.ts', () => {
    const defined = sources.filter(s => /\b(const|let)\s+(MESSAGE|SYNC)_[A-Z0-9_]*\s*=/.test(s.code)).map(s => s.file)
    expect(defined).toEqual([])
  })
})

describe('the browser speaks only what the hub sends', () => {
  it('wraps the sync handler to count acknowledgements and leaves every other message type to the stock provider', async () => {
    const [{ WebsocketProvider }, { trackServerAcks }, Y] = await Promise.all([import('y-websocket'), import('../../composables/trackServerAcks'), import('yjs')])
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl('http://localhost:1'), 'rep_abc123', doc, { connect: false, disableBc: true })
    const stock = [...provider.messageHandlers]
    const tracker = trackServerAcks(doc, provider, () => {})
    const changed = provider.messageHandlers.flatMap((handler, type) => (handler === stock[type] ? [] : [type]))
    expect(changed).toEqual([MESSAGE.sync])
    tracker.stop()
    expect(provider.messageHandlers).toEqual(stock)
    provider.destroy()
    doc.destroy()
  })
})
