/**
 * The source of the parsing worker, as a string run with `new Worker(source, { eval: true })`.
 * A string (not a file next to this one) because Nitro bundles the server into chunks and would
 * not ship a separate worker file; the worker only `require`s mammoth by the absolute path the
 * main thread resolved, so it works the same in vitest, `nuxt dev` and `.output/server`.
 *
 * Besides converting, it recovers what mammoth drops: the number Word shows on each numbered
 * paragraph (so an imported list that continues at "3." still starts at 3). mammoth's numbering
 * reader is wrapped to remember each paragraph's numId and the list's start values, the numbers
 * are counted as Word counts them (instances of one list share counters unless they restart), and
 * each is written in front of its paragraph between the noncharacters U+FDD0 and U+FDD1, which
 * htmlToDoc reads and removes. If mammoth's internals ever differ (mammoth is pinned), the wrapper
 * is skipped and lists simply start at 1.
 *
 * Before mammoth sees the file, every entry is inflated once with zlib's `maxOutputLength` set to
 * the size its header declares: an archive that lies about its sizes (declares little, inflates
 * to gigabytes) stops at the declared size instead of filling memory. The directory sizes were
 * already held to the limits on the main thread (inspectZip).
 *
 * Tracked changes and comments are recovered too, by rewriting the parts first (reviewMarkupSource.ts),
 * and so are raised/lowered text and page breaks; what mammoth drops is counted (officeMarkupSource.ts).
 * A page break (`w:br w:type="page"`, which mammoth drops) becomes the page-break mark U+FDD4.
 * The table of contents is removed, and a Chorus export's paragraph numbers are taken off its
 * paragraphs, so they come back as paragraphs, not a list (contentsMarkupSource.ts).
 *
 * workerData: { mammothPath, buffer (ArrayBuffer, transferred), entries (ZipEntry[]), styleMap, idPrefix }
 * posts: { ok: true, html, messages: [{ type, message }], images, review, dropped, pictures } | { ok: false, code?, message }
 */
import { CONTENTS_MARKUP_SOURCE } from './contentsMarkupSource'
import { OFFICE_MARKUP_SOURCE } from './officeMarkupSource'
import { PICTURE_MARKUP_SOURCE } from './pictureMarkupSource'
import { REVIEW_MARKUP_SOURCE } from './reviewMarkupSource'

export const MAMMOTH_WORKER_SOURCE = REVIEW_MARKUP_SOURCE + OFFICE_MARKUP_SOURCE + CONTENTS_MARKUP_SOURCE + PICTURE_MARKUP_SOURCE + String.raw`
'use strict'
const path = require('node:path')
const zlib = require('node:zlib')
const { parentPort, workerData } = require('node:worker_threads')
const file = Buffer.from(workerData.buffer)

const lie = findLyingEntry()
if (lie) parentPort.postMessage({ ok: false, code: lie.code, message: lie.message })
else convert()

// The first entry that inflates to more (or other) than its header declares, and why.
function findLyingEntry() {
  for (const entry of workerData.entries) {
    const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let inflated = entry.size
    try {
      if (entry.method === 8) inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }).length
      else if (entry.method === 0) inflated = data.length
    } catch (error) {
      return { code: error && error.code === 'ERR_BUFFER_TOO_LARGE' ? 'zip-bomb' : 'corrupt', message: entry.name }
    }
    if (inflated !== entry.size) return { code: 'corrupt', message: entry.name }
  }
  return null
}

function convert() {
  const documents = wrapNumbering(path.dirname(workerData.mammothPath))
  const mammoth = require(workerData.mammothPath)
  const zipfile = require(path.join(path.dirname(workerData.mammothPath), 'zipfile.js'))
  const documentsModule = loadDocuments(path.dirname(workerData.mammothPath))
  const counters = {}
  let images = 0
  // Pictures with their bytes, shown size and alt text (pictureMarkupSource.ts), for the figures.
  const pictures = []
  let review = null
  let dropped = null
  let paragraphNumbering = {}
  const visit = function (element) {
    if (documentsModule && element.type === 'run' && element.children) {
      element.children = element.children.map(function (child) {
        return child.type === 'break' && child.breakType === 'page' ? documentsModule.Text(PAGE_MARK) : child
      })
    }
    // A Chorus export's paragraph numbers are Word numbering on plain paragraphs, not a list.
    if (element.type === 'paragraph' && element.numbering && element.numbering.starts) {
      const num = element.numbering.starts.nums[element.numbering.numId]
      if (num && paragraphNumbering[num.abstractNumId]) element.numbering = null
    }
    markCaption(element, documentsModule)
    const numbering = element.type === 'paragraph' ? element.numbering : null
    if (documents && numbering && numbering.isOrdered && numbering.starts) {
      const n = nextNumber(counters, numbering)
      // An empty numbered paragraph still counts, but gets no marker: mammoth drops it as empty.
      if (element.children.length) element.children.unshift(documents.Run([documents.Text('\uFDD0' + n + '\uFDD1')]))
    }
    if (element.children) element.children.forEach(visit)
    return element
  }
  zipfile.openArrayBuffer(file).then(async function (zip) {
    review = await prepareReview(zip)
    dropped = await prepareOffice(zip)
    paragraphNumbering = await prepareContents(zip, review.chorusSections !== null)
    await preparePictures(zip)
    return mammoth.convertToHtml({ file: zip }, {
    styleMap: workerData.styleMap,
    idPrefix: workerData.idPrefix,
    includeEmbeddedStyleMap: false,
    externalFileAccess: false,
    transformDocument: visit,
    convertImage: mammoth.images.imgElement(function (image) { images++; return keepPicture(image, pictures) }),
    })
  }).then(function (result) {
    parentPort.postMessage({
      ok: true,
      html: result.value,
      messages: result.messages.map(function (m) { return { type: m.type, message: String(m.message) } }),
      images: images,
      review: review,
      dropped: dropped,
      pictures: pictures,
    }, pictures.map(function (p) { return p.data.buffer }))
  }, function (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) })
  })
}

// mammoth's documents module (to write the page-break mark), or null when its internals differ.
function loadDocuments(lib) {
  try {
    const documents = require(path.join(lib, 'documents.js'))
    return typeof documents.Text === 'function' ? documents : null
  } catch (error) {
    return null
  }
}

// Makes mammoth's numbering lookups carry numId, level and the list start values; returns
// mammoth's documents module (to build the marker runs), or null when its internals differ.
function wrapNumbering(lib) {
  try {
    const numberingXml = require(path.join(lib, 'docx', 'numbering-xml.js'))
    const documents = require(path.join(lib, 'documents.js'))
    const read = numberingXml.readNumberingXml
    if (typeof read !== 'function' || typeof documents.Run !== 'function' || typeof documents.Text !== 'function') return null
    numberingXml.readNumberingXml = function (root, options) {
      const numbering = read(root, options)
      const starts = readStarts(root)
      return Object.assign({}, numbering, {
        findLevel: function (numId, level) {
          const found = numbering.findLevel(numId, level)
          return found && Object.assign({}, found, { numId: String(numId), ilvl: Number(level), starts: starts })
        },
      })
    }
    return documents
  } catch (error) {
    return null
  }
}

function readStarts(root) {
  const abstracts = {}
  root.getElementsByTagName('w:abstractNum').forEach(function (abs) {
    const levels = {}
    abs.getElementsByTagName('w:lvl').forEach(function (lvl) {
      const start = lvl.firstOrEmpty('w:start').attributes['w:val']
      levels[lvl.attributes['w:ilvl'] || '0'] = start === undefined ? 1 : Number(start)
    })
    abstracts[abs.attributes['w:abstractNumId']] = levels
  })
  const nums = {}
  root.getElementsByTagName('w:num').forEach(function (num) {
    const overrides = {}
    num.getElementsByTagName('w:lvlOverride').forEach(function (o) {
      const start = o.firstOrEmpty('w:startOverride').attributes['w:val']
      if (start !== undefined) overrides[o.attributes['w:ilvl'] || '0'] = Number(start)
    })
    nums[num.attributes['w:numId']] = { abstractNumId: num.firstOrEmpty('w:abstractNumId').attributes['w:val'], overrides: overrides }
  })
  return { abstracts: abstracts, nums: nums }
}

// Word's counting: the instances (w:num) of one list definition share counters, unless an
// instance restarts with a start override, which gives it counters of its own.
function nextNumber(counters, numbering) {
  const num = numbering.starts.nums[numbering.numId] || { abstractNumId: '?', overrides: {} }
  const key = Object.keys(num.overrides).length ? 'num:' + numbering.numId : 'abs:' + num.abstractNumId
  const state = counters[key] || (counters[key] = {})
  const level = numbering.ilvl
  if (state[level] === undefined) {
    const own = num.overrides[level]
    const abs = (numbering.starts.abstracts[num.abstractNumId] || {})[level]
    state[level] = own !== undefined ? own : abs !== undefined ? abs : 1
  } else {
    state[level] += 1
  }
  Object.keys(state).forEach(function (l) { if (Number(l) > level) delete state[l] })
  return state[level]
}
`
