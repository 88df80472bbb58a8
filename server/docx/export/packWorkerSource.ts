/**
 * The source of the packing worker (run with `new Worker(source, { eval: true })`, like the
 * importer's, so it survives Nitro's bundling): it turns the exporter's plain descriptions
 * (docxDesc.ts) into docx objects and runs docx's synchronous Packer off the main thread.
 * It imports docx (and docx/layout for the page estimator) from the URLs the main thread
 * resolved. One worker serves exports one after another; bodies arrive in chunks, and messages
 * are handled in order once docx has loaded.
 *
 * messages in:  { job, type: 'body', items } · { job, type: 'pack', options, estimate } · { job, type: 'abort' }
 * messages out: { job, ok: true, buffer } (ArrayBuffer, transferred) · { job, ok: false, message }
 */
export const PACK_WORKER_SOURCE = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const loaded = import(workerData.docxUrl)
let layout = null
const bodies = new Map()

const CLASSES = new Set(['Paragraph', 'TextRun', 'InsertedTextRun', 'DeletedTextRun', 'ExternalHyperlink', 'Bookmark', 'FootnoteReferenceRun',
  'CommentRangeStart', 'CommentRangeEnd', 'CommentReference', 'Table', 'TableRow', 'TableCell', 'TableOfContents', 'Header', 'Footer', 'Tab', 'PageBreak',
  'ImageRun', 'SimpleField'])

function revive(docx, value) {
  if (Array.isArray(value)) return value.map(function (v) { return revive(docx, v) })
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value
  if (typeof value.$ === 'string') {
    if (!CLASSES.has(value.$)) throw new Error('unknown docx class ' + value.$)
    return new docx[value.$](...value.args.map(function (v) { return revive(docx, v) }))
  }
  const out = {}
  for (const key of Object.keys(value)) out[key] = revive(docx, value[key])
  return out
}

function fail(job, error) {
  bodies.delete(job)
  parentPort.postMessage({ job: job, ok: false, message: String((error && error.stack) || error) })
}

async function pack(docx, message) {
  const options = revive(docx, message.options)
  options.sections[0].children = bodies.get(message.job) || []
  bodies.delete(message.job)
  if (message.estimate) {
    layout = layout || await import(workerData.layoutUrl)
    options.pageNumbers = layout.estimatePageNumbers
  }
  const buffer = await docx.Packer.toBuffer(new docx.Document(options))
  const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
  parentPort.postMessage({ job: message.job, ok: true, buffer: data }, [data])
}

parentPort.on('message', function (message) {
  loaded.then(function (docx) {
    if (message.type === 'abort') bodies.delete(message.job)
    else if (message.type === 'body') {
      const body = bodies.get(message.job) || []
      for (const item of message.items) body.push(revive(docx, item))
      bodies.set(message.job, body)
    } else {
      return pack(docx, message)
    }
  }).catch(function (error) { fail(message.job, error) })
})
`
