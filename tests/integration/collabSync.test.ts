/**
 * Convergence and durability of the hub with stock y-websocket clients: ten clients editing
 * sections at random converge with each other, with a fresh client and with the store; a
 * `kill -9` in the middle of a burst loses nothing any client had received from the server.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { YClient, eventually, storedDocSqlite } from './support/yclient'
import { bodies, randomEdit, seededRandom } from './support/yclientEdits'

const servers: ServerHandle[] = []
const clients: YClient[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const s of servers) {
    await s.stop()
    removeDataDir(s.dataDir)
  }
})

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

function writers(fx: CollabFixture, n: number, baseUrl = fx.baseUrl): YClient[] {
  const roles: Who[] = ['secretariat', 'author']
  return Array.from({ length: n }, (_, i) => {
    const c = new YClient(baseUrl, fx.reportId, fx.accounts[roles[i % 2]!].cookie)
    clients.push(c)
    return c
  })
}

/** Each client makes `edits` random edits, `gapMs` apart on average, all at the same time. */
async function burst(cs: YClient[], sectionIds: string[], edits: number, gapMs: number, seed: number): Promise<void> {
  await Promise.all(cs.map(async (c, i) => {
    const rnd = seededRandom(seed + i)
    for (let k = 0; k < edits; k++) {
      if (c.doc.isDestroyed) return
      randomEdit(c.doc, sectionIds, rnd)
      await sleep(rnd() * gapMs * 2)
    }
  }))
}

describe('convergence', () => {
  it('ten clients editing at random converge with each other, a fresh client and the store (compacting meanwhile)', async () => {
    // Compaction after every commit (200 ms later): the log is folded while clients type.
    const server = await startServer({ env: { COLLAB_COMPACT_BYTES: '1', COLLAB_COMPACT_DELAY_MS: '200' } })
    servers.push(server)
    const fx = await collabFixture(server.url)
    const sections = fx.sectionIds.slice(0, 4)
    const cs = writers(fx, 10)
    await Promise.all(cs.map(c => c.synced()))
    await burst(cs, sections, 60, 8, 1)
    const expected = () => bodies(cs[0]!.doc, sections)
    await eventually(() => cs.every(c => bodies(c.doc, sections) === expected()), 20_000, 'clients to converge')
    expect(expected()).toMatch(/rights|child|state/)

    const fresh = new YClient(fx.baseUrl, fx.reportId, fx.accounts.viewer.cookie)
    clients.push(fresh)
    await fresh.synced()
    expect(bodies(fresh.doc, sections)).toBe(expected())
    expect(bodies(storedDocSqlite(server.dataDir, fx.reportId), sections)).toBe(expected())
    // The stored state vector covers every client's (nothing a client made is missing).
    const stored = storedDocSqlite(server.dataDir, fx.reportId)
    for (const c of cs) expect(Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(c.doc))).toBe(true)
    expect(server.output()).toMatch(/\[collab\] compacted/)
    expect(server.output()).not.toMatch(/compaction runs in-process|compaction failed/)
  })
})

describe('durability', () => {
  it('after kill -9 in the middle of a burst, every update a client received is in the store', async () => {
    const first = await startServer()
    const fx = await collabFixture(first.url)
    const sections = fx.sectionIds.slice(0, 3)
    const cs = writers(fx, 6)
    await Promise.all(cs.map(c => c.synced()))
    const editing = burst(cs, sections, 400, 2, 7)
    await eventually(() => cs.every(c => c.received.length > 20), 20_000, 'updates flowing')
    await first.kill()
    for (const c of cs) c.disconnect()
    await editing
    const received = cs.map(c => Y.mergeUpdates(c.received))

    // Restart on the same data: everything anyone received from the server is there.
    const second = await startServer({ dataDir: first.dataDir })
    servers.push(second)
    const stored = storedDocSqlite(second.dataDir, fx.reportId)
    for (const [i, update] of received.entries()) {
      expect(Y.snapshotContainsUpdate(Y.snapshot(stored), update), `client ${i}`).toBe(true)
    }
    // And the clients, reconnecting with their documents, resend what the crash cut off.
    const again = cs.map((c, i) => new YClient(second.url, fx.reportId, fx.accounts[i % 2 ? 'author' : 'secretariat'].cookie, { doc: c.doc }))
    clients.push(...again)
    await Promise.all(again.map(c => c.synced()))
    await eventually(() => again.every(c => bodies(c.doc, sections) === bodies(again[0]!.doc, sections)), 20_000, 'clients to converge after restart')
    await eventually(() => bodies(storedDocSqlite(second.dataDir, fx.reportId), sections) === bodies(again[0]!.doc, sections), 5_000, 'store to hold everything')
  })
})
