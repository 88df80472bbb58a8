import { MEDIA_SWAP_SOURCE } from './mediaSwapSource'

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
export const PACK_WORKER_SOURCE = MEDIA_SWAP_SOURCE + String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const loaded = import(workerData.docxUrl)
let layout = null
const bodies = new Map()
// Per job, the pictures' bytes in the order of their placeholders (mediaSwapSource.ts).
const medias = new Map()

const CLASSES = new Set(['Paragraph', 'TextRun', 'InsertedTextRun', 'DeletedTextRun', 'ExternalHyperlink', 'InternalHyperlink', 'Bookmark', 'FootnoteReferenceRun',
  'CommentRangeStart', 'CommentRangeEnd', 'CommentReference', 'Table', 'TableRow', 'TableCell', 'TableOfContents', 'Header', 'Footer', 'Tab', 'PageBreak',
  'ImageRun', 'SimpleField'])

function revive(docx, value, media) {
  if (Array.isArray(value)) return value.map(function (v) { return revive(docx, v, media) })
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value
  if (typeof value.$ === 'string') {
    if (!CLASSES.has(value.$)) throw new Error('unknown docx class ' + value.$)
    if (value.$ === 'ImageRun' && media) {
      return new docx.ImageRun(Object.assign({}, value.args[0], { data: mediaPlaceholder(media, value.args[0].data) }))
    }
    return new docx[value.$](...value.args.map(function (v) { return revive(docx, v, media) }))
  }
  const out = {}
  for (const key of Object.keys(value)) out[key] = revive(docx, value[key], media)
  return out
}

function fail(job, error) {
  bodies.delete(job)
  medias.delete(job)
  parentPort.postMessage({ job: job, ok: false, message: String((error && error.stack) || error) })
}

async function pack(docx, message) {
  const options = revive(docx, message.options, null)
  options.sections[0].children = bodies.get(message.job) || []
  const media = medias.get(message.job) || []
  bodies.delete(message.job)
  medias.delete(message.job)
  if (message.estimate) {
    layout = layout || await import(workerData.layoutUrl)
    options.pageNumbers = layout.estimatePageNumbers
  }
  const packed = await docx.Packer.toBuffer(new docx.Document(options))
  const buffer = media.length ? swapMedia(packed, media) : packed
  const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
  parentPort.postMessage({ job: message.job, ok: true, buffer: data }, [data])
}

parentPort.on('message', function (message) {
  loaded.then(function (docx) {
    if (message.type === 'abort') {
      bodies.delete(message.job)
      medias.delete(message.job)
    } else if (message.type === 'body') {
      const body = bodies.get(message.job) || []
      const media = medias.get(message.job) || []
      for (const item of message.items) body.push(revive(docx, item, media))
      bodies.set(message.job, body)
      medias.set(message.job, media)
    } else {
      return pack(docx, message)
    }
  }).catch(function (error) { fail(message.job, error) })
})
`
