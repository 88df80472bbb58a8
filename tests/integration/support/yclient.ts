/**
 * Real y-websocket clients in Node for the collaboration tests: the stock WebsocketProvider over
 * the `ws` package (with the session cookie and an Origin header), BroadcastChannel disabled so
 * nothing can sync around the server, plus raw sockets for crafted messages.
 */
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'

export interface CloseInfo { code: number, reason: string }

const wsUrl = (baseUrl: string) => baseUrl.replace(/^http/, 'ws') + '/api/collab'

/** A WebSocket class that sends the given cookie and Origin with the upgrade. */
export function socketClass(cookie: string, origin: string | null): typeof WebSocket {
  const withHeaders = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const headers: Record<string, string> = {}
      if (cookie) headers.Cookie = cookie
      if (origin) headers.Origin = origin
      super(url, protocols, { headers })
    }
  }
  // Same constructor signature as far as y-websocket uses it; the static members differ only in type.
  return withHeaders as unknown as typeof WebSocket
}

/** A stock y-websocket client of one report, as one signed-in account. */
export class YClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly closes: CloseInfo[] = []
  /** Updates that came from the server, in arrival order. */
  readonly received: Uint8Array[] = []

  constructor(baseUrl: string, reportId: string, cookie: string, options: { origin?: string | null, awareness?: boolean, doc?: Y.Doc } = {}) {
    this.doc = options.doc ?? new Y.Doc()
    const origin = options.origin === undefined ? baseUrl : options.origin
    this.provider = new WebsocketProvider(wsUrl(baseUrl), reportId, this.doc, {
      WebSocketPolyfill: socketClass(cookie, origin) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    })
    if (options.awareness === false) this.provider.awareness.setLocalState(null)
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason })
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) this.received.push(update)
    })
  }

  /** Resolves once the provider has synced with the server. */
  synced(timeoutMs = 10_000): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return withTimeout(new Promise<void>(resolve => this.provider.once('sync', (s: boolean) => s && resolve())), timeoutMs, 'sync')
  }

  /** Resolves with the next close the server sends (or the one already received). */
  closed(timeoutMs = 10_000): Promise<CloseInfo> {
    if (this.closes.length) return Promise.resolve(this.closes[0]!)
    return withTimeout(new Promise<CloseInfo>(resolve => this.provider.on('connection-close', e => e && resolve({ code: e.code, reason: e.reason }))), timeoutMs, 'close')
  }

  /** Stop the provider; the document stays usable (e.g. to reconnect it with a new client). */
  disconnect(): void {
    this.provider.destroy()
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}

/** A raw socket to a report's room, for crafted messages; `events` records what happens. */
export function rawSocket(baseUrl: string, reportId: string, cookie: string, origin: string | null = baseUrl) {
  const Ws = socketClass(cookie, origin)
  const ws = new Ws(`${wsUrl(baseUrl)}/${reportId}`)
  const messages: Uint8Array[] = []
  let unexpected: { status: number } | null = null
  const closed = new Promise<CloseInfo>((resolve) => {
    ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }))
    ws.on('unexpected-response', (_req: unknown, res: { statusCode?: number }) => {
      unexpected = { status: res.statusCode ?? 0 }
      resolve({ code: -(res.statusCode ?? 0), reason: 'http' })
    })
    ws.on('error', () => {})
  })
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    void closed.then(c => reject(new Error(`closed before open: ${c.code}`)))
  })
  opened.catch(() => {}) // tests that expect a refusal never await `opened`
  return { ws, messages, opened, closed, get unexpected() { return unexpected } }
}

/** A y-websocket "update" message carrying a Yjs update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** The report's document as the SQLite store holds it (snapshot + log), read from the data directory. */
export function storedDocSqlite(dataDir: string, reportId: string): Y.Doc {
  const db = new DatabaseSync(join(dataDir, 'chorus.sqlite'), { readOnly: true })
  try {
    const doc = new Y.Doc()
    const snap = db.prepare('SELECT data FROM doc_snapshots WHERE report_id = ?').get(reportId) as { data: Uint8Array } | undefined
    if (snap) Y.applyUpdate(doc, snap.data)
    const rows = db.prepare('SELECT data FROM doc_updates WHERE report_id = ? ORDER BY seq').all(reportId) as Array<{ data: Uint8Array }>
    for (const r of rows) Y.applyUpdate(doc, r.data)
    return doc
  } finally {
    db.close()
  }
}

/** Wait until `check` holds, polling. */
export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 20))
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
    p.then((v) => {
      clearTimeout(t)
      resolve(v)
    }, (e) => {
      clearTimeout(t)
      reject(e)
    })
  })
}
