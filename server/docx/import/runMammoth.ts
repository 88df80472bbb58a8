/**
 * Runs mammoth (DOCX → HTML) in a worker thread: off the main event loop, with a hard time limit
 * (the worker is terminated) and a heap limit (an archive that lies about its sizes exhausts the
 * worker's heap, not the server's).
 */
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import '../workerDependencies'
import { resolveEsmEntry } from '../resolveEsmEntry'
import { DocxImportError } from './DocxImportError'
import { MAMMOTH_WORKER_SOURCE } from './mammothWorkerSource'
import type { ImportLimits } from './importLimits'
import type { ZipEntry } from './inspectZip'

/** A Word tracked change, numbered by its place in the file (the n of the worker's markers). */
export interface WordChange {
  kind: 'insertion' | 'deletion'
  author: string
  /** `w:date` as written (ISO), '' when absent. */
  date: string
}

/** A Word comment; `parentId` is the comment it replies to (commentsExtended.xml). */
export interface WordComment {
  id: string
  author: string
  date: string
  text: string
  parentId: string | null
  /** Marked done (resolved) in Word. */
  done: boolean
}

/** What the worker read besides the HTML: tracked changes, comments, and a Chorus export's section ids. */
export interface WordReview {
  changes: WordChange[]
  comments: WordComment[]
  /** The section ids of a Chorus export by bookmark number (`_Chorus_s<k>`), null for other files. */
  chorusSections: string[] | null
}

/** What mammoth drops without a message, counted by the worker (officeMarkupSource.ts). */
export interface DroppedContent {
  charts: number
  diagrams: number
  shapes: number
  equations: number
}

/** A picture of the file as the worker read it (pictureMarkupSource.ts); checked on the main thread. */
export interface WordPicture {
  data: Uint8Array
  /** From the package's content types: not to be trusted, the bytes are sniffed. */
  contentType: string
  /** The size it is shown at in Word, in EMU (wp:extent); 0 when unknown (old VML pictures). */
  cx: number
  cy: number
  alt: string
}

/** What mammoth made of the file. */
export interface MammothOutput {
  html: string
  messages: Array<{ type: string, message: string }>
  images: number
  review: WordReview
  dropped: DroppedContent
  /** The pictures, in the order of their `chorus-image:N` placeholders in the HTML. */
  pictures: WordPicture[]
}

type WorkerReply = ({ ok: true } & MammothOutput) | { ok: false, code?: 'zip-bomb' | 'corrupt', message: string }

let mammothPath: string | null = null

/** What the worker needs besides the file. */
export interface MammothJob {
  /** The zip entries inspectZip read, so the worker can check their real sizes first. */
  entries: ZipEntry[]
  styleMap: string[]
  idPrefix: string
}

/** Converts a .docx to HTML with mammoth in a worker; throws `DocxImportError` on timeout or failure. */
export function runMammoth(buffer: Buffer, job: MammothJob, limits: Pick<ImportLimits, 'timeoutMs' | 'maxWorkerHeapMb'>): Promise<MammothOutput> {
  // mammoth is loaded in the worker only (workerDependencies.ts gets it shipped with the server).
  mammothPath ??= fileURLToPath(resolveEsmEntry('mammoth'))
  // A copy the worker owns (transferred, not cloned): the caller's buffer may be a pooled slice.
  const data = new Uint8Array(buffer).buffer
  const worker = new Worker(MAMMOTH_WORKER_SOURCE, {
    eval: true,
    workerData: { mammothPath, buffer: data, entries: job.entries, styleMap: job.styleMap, idPrefix: job.idPrefix },
    transferList: [data],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxWorkerHeapMb, maxYoungGenerationSizeMb: 64 },
  })
  return new Promise<MammothOutput>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      fn()
    }
    const timer = setTimeout(() => finish(() => reject(new DocxImportError(
      'timeout', `Reading the document took longer than ${Math.round(limits.timeoutMs / 1000)} s. Try a smaller document or split it into sections.`,
    ))), limits.timeoutMs)
    worker.on('message', (reply: WorkerReply) => finish(() => {
      if (reply.ok) resolve({ html: reply.html, messages: reply.messages, images: reply.images, review: reply.review, dropped: reply.dropped, pictures: reply.pictures ?? [] })
      else reject(reply.code === 'zip-bomb' ? lyingArchive() : corrupt())
    }))
    worker.on('error', (error: Error & { code?: string }) => finish(() => reject(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? lyingArchive()
        : corrupt(),
    )))
    // Exited without a reply (killed, crashed): nothing usable came out.
    worker.on('exit', () => finish(() => reject(corrupt())))
  })
}

function lyingArchive(): DocxImportError {
  return new DocxImportError('zip-bomb', 'The document unpacks to more data than it declares; it is not a document we can import.')
}

function corrupt(): DocxImportError {
  return new DocxImportError('corrupt', 'The file is damaged and cannot be read. Open it in your word processor, save it again as .docx and retry.')
}
