/**
 * Folding a stored log into a snapshot builds a whole Y.Doc (so that deleted text is dropped):
 * for a 100-page report ~1 MB of short-lived objects and tens of milliseconds of CPU. A worker
 * thread does it, so editing in every room goes on meanwhile and the garbage lives and dies in
 * the worker's own heap (released when the worker exits). The worker imports the server's own
 * Yjs module; if that cannot be located, the fold runs in-process.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import { logCollab } from './log'

const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads'
const Y = await import(workerData.yjs)
parentPort.once('message', ({ snapshot, updates }) => {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot)
    for (const u of updates) Y.applyUpdate(doc, u)
  })
  const pending = doc.store.pendingStructs || doc.store.pendingDs
  const out = pending ? Y.mergeUpdates(snapshot ? [snapshot, ...updates] : updates) : Y.encodeStateAsUpdate(doc)
  parentPort.postMessage({ snapshot: out, pending: Boolean(pending) }, [out.buffer])
})
`

let yjsUrl: string | null | undefined

/** The file URL of the Yjs module this server uses, for the worker to import the same one. */
function resolveYjs(): string | null {
  if (yjsUrl === undefined) {
    try {
      const packageJson = createRequire(import.meta.url).resolve('yjs/package.json')
      const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { module?: string, exports?: { '.'?: { import?: string } } }
      const entry = pkg.exports?.['.']?.import ?? pkg.module
      yjsUrl = entry ? pathToFileURL(join(dirname(packageJson), entry)).href : null
    } catch {
      yjsUrl = null
    }
    if (!yjsUrl) logCollab('info', 'compaction runs in-process (no worker thread available)')
  }
  return yjsUrl
}

/** The same fold in this thread. */
function foldInProcess(snapshot: Uint8Array | null, updates: Uint8Array[]): { snapshot: Uint8Array, pending: boolean } {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot)
    for (const u of updates) Y.applyUpdate(doc, u)
  })
  const pending = Boolean(doc.store.pendingStructs || doc.store.pendingDs)
  // With pending structs a re-encode would drop them: keep every byte with a plain merge instead.
  const out = pending ? Y.mergeUpdates(snapshot ? [snapshot, ...updates] : updates) : Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { snapshot: out, pending }
}

/**
 * Snapshot + log → one update equivalent to them (deleted content garbage-collected), computed
 * in a worker thread when possible. `pending` tells that some updates had missing dependencies.
 */
export async function fold(snapshot: Uint8Array | null, updates: Uint8Array[]): Promise<{ snapshot: Uint8Array, pending: boolean }> {
  const yjs = resolveYjs()
  if (!yjs) return foldInProcess(snapshot, updates)
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: { yjs } })
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', code => reject(new Error(`compaction worker exited with ${code}`)))
      worker.postMessage({ snapshot, updates })
    })
  } finally {
    void worker.terminate()
  }
}
