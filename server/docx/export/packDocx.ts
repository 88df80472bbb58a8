/**
 * Packs a described document into a .docx in the packing worker (see packWorkerSource.ts), so the
 * main event loop only ever spends a few milliseconds per section on an export. One long-lived
 * worker (started on first use, unref'd while idle) serves all exports in turn.
 */
import { Worker } from 'node:worker_threads'
import type { IPropertiesOptions } from 'docx'
import '../workerDependencies'
import { resolveEsmEntry } from '../resolveEsmEntry'
import { PACK_WORKER_SOURCE } from './packWorkerSource'
import type { DocxDesc } from './docxDesc'

/** Document options as descriptions; `sections[0].children` is filled from the appended body. */
export type DescribedDocumentOptions = Omit<IPropertiesOptions, 'sections' | 'footnotes' | 'comments' | 'pageNumbers'> & {
  footnotes: Record<string, { children: DocxDesc[] }>
  comments?: { children: Array<{ id: number, parentId?: number, author?: string, initials?: string, date?: Date, children: DocxDesc[] }> }
  sections: [{ properties: NonNullable<IPropertiesOptions['sections'][number]['properties']>, headers?: Record<string, DocxDesc>, footers: Record<string, DocxDesc>, children?: never }]
}

/** One export being sent to the worker. */
export interface PackJob {
  /** Sends the next blocks of the body (in order). */
  append(items: DocxDesc[]): void
  /** Sends the document options and resolves with the .docx. */
  finish(options: DescribedDocumentOptions, estimatePageNumbers: boolean): Promise<Buffer>
  /** Drops what was sent (the export failed before finishing). */
  abort(): void
}

type Reply = { job: number, ok: true, buffer: ArrayBuffer } | { job: number, ok: false, message: string }

let worker: Worker | null = null
let nextJob = 0
const pending = new Map<number, { resolve: (b: Buffer) => void, reject: (e: Error) => void }>()

function packWorker(): Worker {
  if (worker) return worker
  const w = new Worker(PACK_WORKER_SOURCE, {
    eval: true,
    workerData: { docxUrl: resolveEsmEntry('docx'), layoutUrl: resolveEsmEntry('docx/layout') },
  })
  w.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.job)
    if (!waiting) return
    pending.delete(reply.job)
    if (!pending.size) w.unref()
    if (reply.ok) waiting.resolve(Buffer.from(reply.buffer))
    else waiting.reject(new Error(`DOCX packing failed: ${reply.message}`))
  })
  const fail = (error: Error) => {
    worker = null
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  w.on('error', fail)
  w.on('exit', code => fail(new Error(`DOCX packing worker exited (${code})`)))
  w.unref()
  worker = w
  return w
}

/** Starts an export in the packing worker. */
export function openPackJob(): PackJob {
  const w = packWorker()
  const job = ++nextJob
  return {
    append(items) {
      w.postMessage({ job, type: 'body', items })
    },
    finish(options, estimatePageNumbers) {
      if (worker !== w) return Promise.reject(new Error('DOCX packing worker stopped during the export'))
      const done = new Promise<Buffer>((resolve, reject) => pending.set(job, { resolve, reject }))
      // Keep the process alive while an export is in flight (a CLI or test has nothing else).
      w.ref()
      w.postMessage({ job, type: 'pack', options, estimate: estimatePageNumbers })
      return done
    },
    abort() {
      if (worker === w) w.postMessage({ job, type: 'abort' })
    },
  }
}
