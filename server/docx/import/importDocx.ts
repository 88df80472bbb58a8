/**
 * The DOCX importer: a Word file → a section body (ProseMirror JSON valid for `chorusSchema()`).
 * Order matters for safety: size and zip directory checks first (nothing inflated), then mammoth
 * in a time- and memory-limited worker, then HTML → JSON on this thread, then a schema check.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { chorusSchema } from '#shared/editor/extensions'
import { DocxImportError } from './DocxImportError'
import { htmlToDoc, type CoverLine } from './htmlToDoc'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits'
import { inspectZip } from './inspectZip'
import { importedPictures, type ImportedImage } from './importedPictures'
import { placeFigures } from './placeFigures'
import { parseHtml } from './parseHtml'
import { readReviewMarkers, type ImportedComment, type Importer } from './reviewMarkers'
import { runMammoth, type MammothOutput } from './runMammoth'
import type { PMNode } from '../types'
import { noticeText } from '#shared/importNotices'
import type { ImportNotice, ImportNoticeCode } from '#shared/importNotices'

/** What an import produced: the section body and what could not be kept. */
export interface ImportResult {
  /** The body; Word's tracked changes are `insertion` / `deletion` marks attributed to the importer. */
  content: PMNode
  /** What could not be kept, in English (for API clients); `notices` has the same with codes. */
  warnings: string[]
  /** Each kind of loss once, with its count: the browser words it in the interface language. */
  notices: ImportNotice[]
  /** Word comments (replies gathered) with their ranges in `content`; resolved ones are left out (warned). */
  comments: ImportedComment[]
  /** For a Chorus export: which top-level block of `content` starts which section. */
  sectionStarts: Array<{ block: number, sectionId: string }>
  /** The pictures the figures of `content` show (each once): the caller stores them with the report (server/images/storeImportedImages.ts). */
  images: ImportedImage[]
  /** The paragraphs of a Chorus export's cover (left out of `content`), in order. */
  cover: CoverLine[]
  /** The text of the first paragraph in Word's Title style, if any (it is also a heading of `content`). */
  docTitle: string | null
}

/** Who the tracked changes of a conversion without an importer are attributed to (nobody yet). */
const NOBODY: Importer = { id: '', name: '' }

/** Word styles → HTML that htmlToDoc understands (on top of mammoth's defaults for Heading 1–6, lists, tables). */
const STYLE_MAP = [
  // The class lets a whole-report import tell the document's title from its first heading.
  'p[style-name=\'Title\'] => h1.chorus-doc-title:fresh',
  'p[style-name=\'Subtitle\'] => h2:fresh',
  'p[style-name=\'Quote\'] => blockquote > p:fresh',
  'p[style-name=\'Intense Quote\'] => blockquote > p:fresh',
  'p[style-name=\'Block Text\'] => blockquote > p:fresh',
  'r[style-name=\'Strong\'] => strong',
  'r[style-name=\'Emphasis\'] => em',
  // A Chorus export's cover: read into the report's settings (htmlToDoc), never pasted as text.
  ...['Kicker', 'Title', 'Subtitle', 'Label', 'Text', 'Statement', 'Mark'].map(role => `p[style-name='Cover ${role}'] => p.chorus-cover-${role.toLowerCase()}:fresh`),
  // Contents: the title and any entry outside the contents control (the control itself is removed in the worker).
  ...['TOC Heading', 'TOC Page', 'Contents Heading', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`toc ${n}`, `Contents ${n}`])].map(name => `p[style-name='${name}'] => !`),
  'u => u',
  'strike => s',
]

/** Prefix of mammoth's generated ids, so notes cannot be confused with the document's own bookmarks. */
const ID_PREFIX = 'chorus-import-'

/** Imports a .docx; throws `DocxImportError` (not-docx, too-large, zip-bomb, timeout, corrupt). */
export async function importDocx(buffer: Buffer, limits: Partial<ImportLimits> = {}, importer: Importer = NOBODY): Promise<ImportResult> {
  const l: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...limits }
  const entries = inspectZip(buffer, l)
  const output = await runMammoth(buffer, { entries, styleMap: STYLE_MAP, idPrefix: ID_PREFIX }, l)
  // Each step below is ~5–10 ms for a 10-page section (~50 ms for 100 pages): yield between them.
  await yieldToEventLoop()
  const tree = parseHtml(output.html)
  await yieldToEventLoop()
  const converted = htmlToDoc(tree, ID_PREFIX)
  // Pictures become figures before review markers are read: positions are counted in the final structure.
  const pictures = importedPictures(output.pictures)
  const figures = placeFigures(converted.doc, pictures)
  await yieldToEventLoop()
  const review = readReviewMarkers(figures.doc, output.review, importer)
  let content: PMNode
  try {
    // Through the schema and back: adjacent text with equal marks becomes one node.
    content = chorusSchema().nodeFromJSON(review.content).toJSON() as PMNode
    chorusSchema().nodeFromJSON(content).check()
  } catch {
    throw new DocxImportError('corrupt', 'The document’s structure could not be converted. Save it again as .docx and retry, or paste its text.')
  }
  const notices = [...converted.notices, ...mammothNotices({ ...output, images: figures.leftOut })]
  if (review.resolvedLeftOut) notices.push({ code: 'resolved-comments-left-out', count: review.resolvedLeftOut })
  return { content, warnings: notices.map(noticeText), notices, comments: review.comments, sectionStarts: review.sectionStarts, cover: converted.cover, docTitle: converted.docTitle, images: usedImages(pictures, figures.used) }
}

/** The pictures figures use, each image once. */
function usedImages(pictures: Array<ImportedImage | null>, used: Set<number>): ImportedImage[] {
  const out = new Map<string, ImportedImage>()
  for (const i of [...used].sort((a, b) => a - b)) out.set(pictures[i]!.sha256, pictures[i]!)
  return [...out.values()]
}

/**
 * Paragraph styles that are ordinary body text in Word, LibreOffice or pandoc files: nothing is
 * lost when their paragraphs become plain paragraphs, so they are not worth a notice.
 */
const BODY_TEXT_STYLES = new Set([
  'normal', 'standard', 'default', 'body text', 'text body', 'first paragraph', 'compact', 'body text first indent',
  'normal (web)', 'plain text', 'no spacing', 'list paragraph', 'table contents', 'table paragraph', 'footnote text',
  'endnote text', 'footnote', 'endnote', 'text', 'default text', 'body', 'caption', 'date', 'author', 'abstract',
  // Captions of pictures (pandoc, LibreOffice): they become figures' captions.
  'image caption', 'captioned figure', 'figure', 'illustration', 'drawing',
  // Chorus's own table styles: a table's text loses nothing either.
  'table text', 'table heading',
])

/** mammoth's messages and the worker's counts, summarised for a user: each kind once, with a count; no parser text, no style ids. */
function mammothNotices(output: Pick<MammothOutput, 'messages' | 'images' | 'dropped'>): ImportNotice[] {
  const out: ImportNotice[] = []
  const styles = new Set<string>()
  const unreadable = new Set<string>()
  let symbols = 0
  for (const { type, message } of output.messages) {
    const style = /^Unrecognised paragraph style: '([^']*)'/.exec(message)
    if (style) {
      if (!BODY_TEXT_STYLES.has(style[1]!.trim().toLowerCase())) styles.add(style[1]!.trim())
      continue
    }
    // A run style only changes how letters look: bold, italic, super/subscript are read apart.
    if (/^Unrecognised run style:/.test(message)) continue
    if (/^A w:sym element/.test(message)) {
      symbols++
      continue
    }
    // Pictures are counted by the worker, equations and drawings too (officeMarkupSource); the
    // parts of a drawing (VML fills and strokes, DrawingML) are not content of their own.
    if (/image|imagedata|a:blip/i.test(message) || /^Unsupported break type/.test(message)) continue
    if (/ignored: (?:(?:m|v|o|w10|wp|wps|wpg|a|pic|mc):|\{[^}]*[/:](?:math|vml|drawingml[^}]*)\})/.test(message)) continue
    const element = /^An unrecognised element was ignored: (\S+)/.exec(message)
    if (element) unreadable.add(element[1]!)
    else if (type === 'error') unreadable.add(message)
  }
  const counted: Array<[ImportNoticeCode, number]> = [
    ['images-left-out', output.images],
    ['charts-left-out', output.dropped?.charts ?? 0],
    ['diagrams-left-out', output.dropped?.diagrams ?? 0],
    ['shapes-left-out', output.dropped?.shapes ?? 0],
    ['equations-left-out', output.dropped?.equations ?? 0],
    ['symbols-left-out', symbols],
  ]
  for (const [code, count] of counted) if (count > 0) out.push({ code, count })
  if (styles.size) out.push({ code: 'styles-plain', count: styles.size, detail: [...styles].join(', ') })
  if (unreadable.size) out.push({ code: 'unreadable-parts', count: unreadable.size })
  return out
}
