/**
 * Start the BUILT Chorus server (`.output/server/index.mjs`) as a real child process on a free
 * port with its own temporary data directory. Used by integration tests, browser tests and benchmarks.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ServerHandle {
  url: string
  port: number
  dataDir: string
  process: ChildProcess
  /** Everything the server printed (for assertions on logs and for failure reports). */
  output: () => string
  /** Stop gracefully (SIGTERM) and wait. */
  stop: () => Promise<void>
  /** Kill at once (SIGKILL), like a crash. */
  kill: () => Promise<void>
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

export const ROOT = resolve(import.meta.dirname, '../..')
export const SERVER_ENTRY = join(process.env.NUXT_OUTPUT_DIR ? resolve(ROOT, process.env.NUXT_OUTPUT_DIR) : join(ROOT, '.output'), 'server/index.mjs')

/** Start a server; `env` adds or overrides variables (e.g. DATABASE_URL, REDIS_URL). Reuse `dataDir` to restart on the same data. */
export async function startServer(options: { env?: Record<string, string>, dataDir?: string, port?: number } = {}): Promise<ServerHandle> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`No built server at ${SERVER_ENTRY}: run "npm run build" first`)
  const port = options.port ?? await freePort()
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chorus-test-'))
  let log = ''
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Tests sign in many times from one address; the per-IP limit has its own test.
      LOGIN_LIMIT_IP: '100000',
      // Cheaper password hashes (the floor, 2^14): every test signs accounts in (server/auth/password.ts).
      CHORUS_SCRYPT_LOG2_N: '14',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`Server did not start in 30 s:\n${log}`)
    }
    await new Promise(r => setTimeout(r, 100))
  }
  const exited = new Promise<void>(r => child.once('exit', () => r()))
  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** Remove a temporary data directory. */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
