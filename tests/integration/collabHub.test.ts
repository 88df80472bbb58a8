/**
 * The hub's functions for the rest of the server, in-process on a real SQLite store: a
 * server-side change is committed before it resolves and reaches connected clients,
 * `copyRoomDoc` sees it, `onRoomChanged` fires (debounced, and at unload), an idle room
 * is unloaded and compacted, a server change that fails half-way is never kept, importing the
 * hub starts nothing, and `disconnectUser` / `updateUserRole` reach open connections.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { Conn } from '../../server/collab/conn'
import type { Role } from '../../shared/permissions'

const dataDir = mkdtempSync(join(tmpdir(), 'chorus-hub-'))
Object.assign(process.env, { DATA_DIR: dataDir, COLLAB_IDLE_UNLOAD_MS: '200', COLLAB_CHANGE_DEBOUNCE_MS: '100', COLLAB_COMPACT_BYTES: '1', COLLAB_COMPACT_DELAY_MS: '50' })
type Hub = typeof import('../../server/collab/hub')
type StoreModule = typeof import('../../server/store')
let hub: Hub
let store: Awaited<ReturnType<StoreModule['useStore']>>
const reportId = 'report-hub-test-1'
const user = { id: 'user-hub-1', email: 'hub@example.org', name: 'Hub User', isAdmin: false, color: '#123456', locale: null }

beforeAll(async () => {
  store = await (await import('../../server/store')).useStore()
  hub = await import('../../server/collab/hub')
  await store.db.run('INSERT INTO users (id, email, name, password_hash, is_admin, color, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)', [user.id, user.email, user.name, 'x', user.color, Date.now()])
  await store.db.run('INSERT INTO reports (id, title, template_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [reportId, 'Hub', 'blank', user.id, Date.now(), Date.now()])
  const seed = new Y.Doc()
  seed.getMap('meta').set('title', 'Seeded')
  await store.docs.append(reportId, [Y.encodeStateAsUpdate(seed)])
})

afterAll(async () => {
  await store.db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

type FakeConn = Omit<Conn, 'closed'> & { closed: boolean, sent: Uint8Array[], closes: Array<{ code: number, reason: string }> }

function fakeConn(role: Role): FakeConn {
  return {
    id: `conn-${Math.random()}`, reportId, user, role, sessionId: 'session-hub-1', awarenessId: null, lastResyncAt: 0, closed: false, sent: [], closes: [],
    send(data) { this.sent.push(data) },
    close(code, reason) {
      this.closed = true
      this.closes.push({ code, reason })
    },
  }
}

/** The Yjs updates a connection was sent (sync step 2 and update frames). */
function updatesSent(conn: { sent: Uint8Array[] }): Uint8Array[] {
  return conn.sent.flatMap((m) => {
    const d = decoding.createDecoder(m)
    if (decoding.readVarUint(d) !== 0) return []
    return decoding.readVarUint(d) === 0 ? [] : [decoding.readVarUint8Array(d)]
  })
}

async function storedDoc(): Promise<Y.Doc> {
  const s = await store.docs.load(reportId)
  const doc = new Y.Doc()
  if (s.snapshot) Y.applyUpdate(doc, s.snapshot)
  for (const u of s.updates) Y.applyUpdate(doc, u.data)
  return doc
}

describe('hub functions', () => {
  it('changeRoomDoc commits before it resolves, broadcasts, and copyRoomDoc / onRoomChanged see it', async () => {
    const changed: string[] = []
    const stop = hub.onRoomChanged((id, doc) => changed.push(`${id}:${doc.getMap('meta').get('title')}`))
    const conn = fakeConn('author')
    const room = await hub.attach(conn)
    room.receive(conn, { kind: 'syncStep1', stateVector: Y.encodeStateVector(new Y.Doc()) })
    await hub.changeRoomDoc(reportId, () => null, doc => doc.getMap('meta').set('title', 'Changed on the server'))
    expect((await storedDoc()).getMap('meta').get('title')).toBe('Changed on the server')
    const client = new Y.Doc()
    for (const u of updatesSent(conn)) Y.applyUpdate(client, u)
    expect(client.getMap('meta').get('title')).toBe('Changed on the server')
    expect((await hub.copyRoomDoc(reportId)).getMap('meta').get('title')).toBe('Changed on the server')
    await sleep(300)
    expect(changed).toContain(`${reportId}:Changed on the server`)
    hub.detach(conn)
    stop()
  })

  it('unloads an idle room, compacting its log, and loads it again with the same content', async () => {
    await sleep(800)
    expect(hub.hubStats().rooms).toBe(0)
    const stored = await store.docs.load(reportId)
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates.length).toBe(0)
    const doc = await hub.copyRoomDoc(reportId)
    expect(doc.getMap('meta').get('title')).toBe('Changed on the server')
    expect(hub.hubStats().rooms).toBe(0) // a read does not load the room
  })

  it('loads a room once for concurrent first connections', async () => {
    await sleep(800)
    const many = Array.from({ length: 5 }, () => fakeConn('author'))
    const rooms = await Promise.all(many.map(c => hub.attach(c)))
    expect(new Set(rooms).size).toBe(1)
    expect(hub.hubStats()).toMatchObject({ rooms: 1, connections: 5 })
    for (const c of many) hub.detach(c)
  })

  it('a server change that throws after changing the document is neither stored nor sent; the room reloads from the store', async () => {
    const conn = fakeConn('author')
    const room = await hub.attach(conn)
    room.receive(conn, { kind: 'syncStep1', stateVector: Y.encodeStateVector(new Y.Doc()) })
    const sentBefore = conn.sent.length
    const storedBefore = (await store.docs.load(reportId)).updates.length
    await expect(hub.changeRoomDoc(reportId, () => null, (doc) => {
      doc.getMap('meta').set('title', 'Half a change')
      throw new Error('refused half-way')
    })).rejects.toThrow('refused half-way')
    expect(conn.closes).toEqual([{ code: 1013, reason: 'document reloaded, reconnect' }])
    expect(updatesSent({ sent: conn.sent.slice(sentBefore) })).toEqual([])
    expect((await store.docs.load(reportId)).updates.length).toBe(storedBefore)
    hub.detach(conn)
    expect((await hub.copyRoomDoc(reportId)).getMap('meta').get('title')).toBe('Changed on the server')
    const again = fakeConn('author')
    const reloaded = await hub.attach(again)
    expect(reloaded).not.toBe(room)
    expect(reloaded.doc.getMap('meta').get('title')).toBe('Changed on the server')
    hub.detach(again)
  })

  it('a server change that throws before changing anything keeps the room', async () => {
    const conn = fakeConn('author')
    const room = await hub.attach(conn)
    await expect(hub.changeRoomDoc(reportId, () => {
      throw new Error('not allowed')
    }, doc => doc.getMap('meta').set('title', 'Never'))).rejects.toThrow('not allowed')
    await expect(hub.changeRoomDoc(reportId, () => null, () => {
      throw new Error('not allowed either')
    })).rejects.toThrow('not allowed either')
    expect(conn.closes).toEqual([])
    expect(room.dead).toBe(false)
    expect(room.doc.getMap('meta').get('title')).toBe('Changed on the server')
    hub.detach(conn)
  })

  it('importing the hub starts nothing: member changes reach sockets once startCollabHub() ran', async () => {
    const { closeMemberSockets } = await import('../../server/reports/memberSockets')
    const conn = fakeConn('author')
    await hub.attach(conn)
    await closeMemberSockets(reportId, user.id)
    expect(conn.closes).toEqual([])
    hub.startCollabHub()
    await closeMemberSockets(reportId, user.id)
    expect(conn.closes).toEqual([{ code: 4403, reason: 'membership-removed' }])
    hub.detach(conn)
  })

  it('disconnectUser closes the user\'s connections with 4403; updateUserRole applies to open ones', async () => {
    const a = fakeConn('author')
    const b = fakeConn('author')
    await hub.attach(a)
    await hub.attach(b)
    await hub.updateUserRole(reportId, user.id, 'viewer')
    expect(a.role).toBe('viewer')
    await hub.disconnectUser(reportId, user.id)
    expect(a.closes).toEqual([{ code: 4403, reason: 'membership-removed' }])
    expect(b.closes).toEqual([{ code: 4403, reason: 'membership-removed' }])
    hub.detach(a)
    hub.detach(b)
  })
})
