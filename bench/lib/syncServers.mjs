/**
 * The three servers of the sync benchmark, each a child process on loopback: Chorus (the built
 * server, SQLite in a temporary DATA_DIR), @y/websocket-server 0.1.1 (its own utils, in-memory,
 * no persistence) and @hocuspocus/server 4.7 (defaults, in-memory; an onStoreDocument hook
 * only counts the bytes it is handed). Plus /proc readers for CPU time and RSS.
 */
import { execSync, fork, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const ROOT = resolve(here, '../..')
const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100

/** CPU time (user + system) of a process in milliseconds. */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
}

/** Resident set size of a process in bytes. */
export function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

const sleep = ms => new Promise(r => setTimeout(r, ms))

async function waitForHttp(url, child, log) {
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log()}`)
    try {
      if ((await fetch(url)).ok) return
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start: ${log()}`)
    await sleep(100)
  }
}

/** JSON over HTTP with a cookie jar of one. */
async function call(base, jar, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(jar.cookie ? { cookie: jar.cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  for (const c of res.headers.getSetCookie?.() ?? []) if (c.startsWith('chorus_session=')) jar.cookie = c.split(';')[0]
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/**
 * Chorus, the built server (.output or NUXT_OUTPUT_DIR, or `outputDir`: another commit's build
 * for a same-run comparison, see baselineBuild.mjs). Clients sign in as one author account
 * (account creation uses scrypt; one cookie serves every client).
 */
export async function startChorus(env = {}, { outputDir, name = 'Chorus' } = {}) {
  const outDir = outputDir ?? (process.env.NUXT_OUTPUT_DIR ? resolve(ROOT, process.env.NUXT_OUTPUT_DIR) : join(ROOT, '.output'))
  const entry = join(outDir, 'server/index.mjs')
  if (!existsSync(entry)) throw new Error(`no built server at ${entry}: run "npm run build" first`)
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-bench-'))
  let log = ''
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', COLLAB_STATS: '1', LOGIN_LIMIT_IP: '100000', NODE_OPTIONS: '--expose-gc', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', d => (log += d))
  child.stderr.on('data', d => (log += d))
  const base = `http://127.0.0.1:${port}`
  await waitForHttp(`${base}/api/health`, child, () => log)
  const admin = {}
  await call(base, admin, 'POST', '/api/setup', { name: 'Bench Secretariat', email: 'bench-admin@example.org', password: 'bench-password-123' })
  const authorJar = {}
  await call(base, admin, 'POST', '/api/users', { name: 'Bench Author', email: 'bench-author@example.org', password: 'bench-password-123' })
  await call(base, authorJar, 'POST', '/api/auth/login', { email: 'bench-author@example.org', password: 'bench-password-123' })
  return {
    name,
    protocol: 'yws',
    pid: child.pid,
    dataDir,
    /** http://127.0.0.1:<port> */
    base,
    log: () => log,
    /** A new report (blank template) with the author as a member; returns its room. */
    async newDoc() {
      const { id } = await call(base, admin, 'POST', '/api/reports', { title: 'Bench report', templateId: 'blank' })
      await call(base, admin, 'POST', `/api/reports/${id}/members`, { email: 'bench-author@example.org', role: 'author' })
      return {
        docName: id,
        url: `ws://127.0.0.1:${port}/api/collab/${id}`,
        headers: { Cookie: authorJar.cookie, Origin: base },
        /** The fragment the clients type into: the report's first section. */
        fragment: client => `section:${client.doc.getArray('sections').get(0).get('id')}`,
      }
    },
    /** Counters; `gc` runs a full garbage collection first (the server has --expose-gc); `reset` restarts the event-loop maximum. */
    stats: (gc = false, reset = false) => call(base, admin, 'GET', `/api/collab/stats?gc=${gc ? 1 : 0}&reset=${reset ? 1 : 0}`),
    /** Websocket headers of the report's secretariat (the administrator created every report). */
    get adminHeaders() { return { Cookie: admin.cookie, Origin: base } },
    /** GET a path as the secretariat; resolves with the response body's bytes. */
    async download(path) {
      const res = await fetch(base + path, { headers: { cookie: admin.cookie } })
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
      return new Uint8Array(await res.arrayBuffer())
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise(r => (child.exitCode !== null ? r() : child.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A peer server in a child process (bench/lib/syncPeer*.mjs), stats over IPC. */
async function startPeer(name, script, protocol) {
  const port = await freePort()
  let log = ''
  const child = fork(join(here, script), [], { env: { ...process.env, PORT: String(port) }, execArgv: ['--expose-gc'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
  child.stdout.on('data', d => (log += d))
  child.stderr.on('data', d => (log += d))
  await new Promise((ok, fail) => {
    child.once('message', m => (m?.ready ? ok() : fail(new Error(String(m)))))
    child.once('exit', code => fail(new Error(`${name} exited ${code}: ${log}`)))
  })
  let n = 0
  return {
    name,
    protocol,
    pid: child.pid,
    log: () => log,
    async newDoc() {
      const docName = `bench-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 8)}`
      return {
        docName,
        url: protocol === 'hocuspocus' ? `ws://127.0.0.1:${port}/` : `ws://127.0.0.1:${port}/${docName}`,
        headers: {},
        fragment: () => 'section:bench',
      }
    },
    stats: (gc = false) => new Promise((ok) => {
      child.once('message', m => ok(m.stats))
      child.send(gc ? 'stats-gc' : 'stats')
    }),
    async stop() {
      child.kill('SIGTERM')
      await new Promise(r => (child.exitCode !== null ? r() : child.once('exit', r)))
    },
  }
}

export const startYWebsocketServer = () => startPeer('@y/websocket-server', 'syncPeerYws.mjs', 'yws')
export const startHocuspocus = () => startPeer('@hocuspocus/server', 'syncPeerHocuspocus.mjs', 'hocuspocus')
