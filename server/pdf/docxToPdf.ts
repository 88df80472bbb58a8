/**
 * PDF export: the report's Word file, converted to PDF by LibreOffice — on this machine when
 * `soffice` is installed (Debian: `apt-get install libreoffice-writer-nogui`, which brings the
 * python3 `uno` bridge too), or by a Gotenberg service when GOTENBERG_URL is set (the usual way in
 * a scaled deployment: one converter for every instance). When neither is there, the export
 * dialog says so and why (`pdfAvailability`).
 *
 * Conversions on this machine run one at a time: each starts a LibreOffice of its own (2–4 s), and
 * two at once on a small server would starve the collaboration hub. Gotenberg queues on its side.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { DOCX_TO_PDF_PY } from './libreofficeScript'

export type PdfConverter =
  | { via: 'gotenberg', url: string }
  | { via: 'libreoffice', soffice: string, python: string }

export type PdfAvailability = { available: true, via: PdfConverter['via'] } | { available: false, reason: 'noConverter' }

/** The longest a conversion may take before it is stopped. */
const TIMEOUT_MS = Number(process.env.PDF_TIMEOUT_MS) || 120_000

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

async function onPath(names: string[]): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (await executable(join(dir, name))) return join(dir, name)
  }
  return null
}

/** Does this python3 have LibreOffice's `uno` bridge? */
function hasUno(python: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', 'import uno'], { stdio: 'ignore' })
    child.on('error', () => resolve(false))
    child.on('exit', code => resolve(code === 0))
  })
}

let found: Promise<PdfConverter | null> | null = null

/** The converter this server uses (looked up once): Gotenberg if configured, else LibreOffice here. */
export function pdfConverter(): Promise<PdfConverter | null> {
  found ??= (async () => {
    const gotenberg = process.env.GOTENBERG_URL?.trim()
    if (gotenberg) return { via: 'gotenberg', url: gotenberg.replace(/\/+$/, '') }
    const soffice = process.env.SOFFICE_PATH || await onPath(['soffice', 'libreoffice'])
    const python = process.env.PDF_PYTHON || '/usr/bin/python3'
    if (!soffice || !(await executable(soffice)) || !(await hasUno(python))) return null
    return { via: 'libreoffice', soffice, python }
  })()
  return found
}

export async function pdfAvailability(): Promise<PdfAvailability> {
  const converter = await pdfConverter()
  return converter ? { available: true, via: converter.via } : { available: false, reason: 'noConverter' }
}

/** Why a conversion failed, for the log (never the document's text). */
export class PdfConversionError extends Error {}

let queue: Promise<unknown> = Promise.resolve()

/** One conversion after another on this machine. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work)
  queue = run.catch(() => {})
  return run
}

function runPython(python: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', DOCX_TO_PDF_PY, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString()
    })
    const timer = setTimeout(() => {
      // The whole group: python and the LibreOffice it started.
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch { /* already gone */ }
      reject(new PdfConversionError(`LibreOffice took longer than ${TIMEOUT_MS / 1000} s`))
    }, TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new PdfConversionError(`could not start ${python}: ${error.message}`))
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new PdfConversionError(`LibreOffice conversion failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`))
    })
  })
}

async function withLibreOffice(converter: Extract<PdfConverter, { via: 'libreoffice' }>, docx: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-pdf-'))
  try {
    const src = join(dir, 'report.docx')
    const dst = join(dir, 'report.pdf')
    await writeFile(src, docx)
    await runPython(converter.python, [src, dst, join(dir, 'profile'), converter.soffice])
    return await readFile(dst)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Gotenberg's LibreOffice route with nothing but the file: its defaults (bookmarks exported,
 * indexes updated) are what the export needs, and a field one major version does not know is a
 * 400 in the next (Gotenberg 9 refuses unknown fields).
 */
async function withGotenberg(url: string, docx: Uint8Array, fileName: string): Promise<Buffer> {
  const form = new FormData()
  form.append('files', new Blob([docx as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), fileName)
  let res: Response
  try {
    res = await fetch(`${url}/forms/libreoffice/convert`, { method: 'POST', body: form, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    throw new PdfConversionError(`Gotenberg at ${url} did not answer: ${(error as Error).message}`)
  }
  if (!res.ok) throw new PdfConversionError(`Gotenberg answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  const pdf = Buffer.from(await res.arrayBuffer())
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new PdfConversionError('Gotenberg did not answer with a PDF')
  return pdf
}

/** The PDF of a Word file. Throws PdfConversionError when the converter fails; null when there is none. */
export async function docxToPdf(docx: Uint8Array, fileName = 'report.docx'): Promise<Buffer | null> {
  const converter = await pdfConverter()
  if (!converter) return null
  if (converter.via === 'gotenberg') return withGotenberg(converter.url, docx, fileName)
  return oneAtATime(() => withLibreOffice(converter, docx))
}
