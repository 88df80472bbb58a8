/**
 * Scaled mode: two server processes on one PostgreSQL schema and one Redis. Clients on instance
 * A and on instance B edit the same report and converge (updates and presence cross over Redis),
 * and removing a member through A closes their socket on B. Skipped when TEST_DATABASE_URL or
 * TEST_REDIS_URL is not set (REQUIRE_SERVICES=1 makes that a failure).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount } from '../support/api'
import { REDIS_URL, freshPostgresUrl, postgresAvailable } from '../support/databases'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient, eventually } from './support/yclient'
import { bodies, randomEdit, seededRandom } from './support/yclientEdits'

const available = REDIS_URL !== '' && (await postgresAvailable())
if (!available && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL and Redis are required (TEST_DATABASE_URL, TEST_REDIS_URL)')

const servers: ServerHandle[] = []
const clients: YClient[] = []
let drop: (() => Promise<void>) | null = null
let fx: CollabFixture
let a: ServerHandle
let b: ServerHandle

beforeAll(async () => {
  if (!available) return
  const pg = await freshPostgresUrl()
  drop = pg.drop
  const env = { DATABASE_URL: pg.url, REDIS_URL, NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex') }
  a = await startServer({ env })
  b = await startServer({ env })
  servers.push(a, b)
  fx = await collabFixture(a.url)
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const s of servers) {
    await s.stop()
    removeDataDir(s.dataDir)
  }
  await drop?.()
})

const client = (url: string, cookie: string) => {
  const c = new YClient(url, fx.reportId, cookie)
  clients.push(c)
  return c
}

describe.skipIf(!available)('two instances', () => {
  it('clients on instance A and instance B converge, with the store and with each other\'s presence', async () => {
    const sections = fx.sectionIds.slice(0, 3)
    const onA = [client(a.url, fx.accounts.secretariat.cookie), client(a.url, fx.accounts.author.cookie)]
    const onB = [client(b.url, fx.accounts.secretariat.cookie), client(b.url, fx.accounts.author.cookie)]
    const all = [...onA, ...onB]
    await Promise.all(all.map(c => c.synced()))
    await Promise.all(all.map(async (c, i) => {
      const rnd = seededRandom(100 + i)
      for (let k = 0; k < 40; k++) {
        randomEdit(c.doc, sections, rnd)
        await new Promise(r => setTimeout(r, rnd() * 10))
      }
    }))
    const expected = () => bodies(all[0]!.doc, sections)
    await eventually(() => all.every(c => bodies(c.doc, sections) === expected()), 20_000, 'clients on both instances to converge')
    for (const url of [a.url, b.url]) {
      const fresh = client(url, fx.accounts.viewer.cookie)
      await fresh.synced()
      expect(bodies(fresh.doc, sections)).toBe(expected())
    }
    onA[0]!.provider.awareness.setLocalStateField('cursor', { section: sections[0] })
    await eventually(() => [...onB[1]!.provider.awareness.getStates().values()].some(s => s.user?.name === fx.accounts.secretariat.name), 5000, 'presence across instances')
  })

  it('removing a member through instance A closes their socket on instance B within 5 s', async () => {
    const extra = await createAccount(fx.apis.secretariat, 'Scaled Removed')
    await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/members`, { email: extra.account.email, role: 'reviewer' })
    const onB = client(b.url, extra.account.cookie)
    await onB.synced()
    const started = Date.now()
    await fx.apis.secretariat.call('DELETE', `/api/reports/${fx.reportId}/members/${extra.account.id}`)
    expect((await onB.closed(5000)).code).toBe(4403)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
