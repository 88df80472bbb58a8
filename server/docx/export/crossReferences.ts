/**
 * Cross-references in Word: each target carries a hidden bookmark `_Ref<refId>` around its number
 * (a paragraph's whole text, since Word reads a paragraph number from the paragraph holding the
 * bookmark), and each reference is "para. " + a REF field to it whose cached result is the number
 * the report's numbering gives (shared/reportNumbering.ts), so the file reads right before Word
 * updates its fields and after. Paragraphs: `REF … \r \h` (the number of the list paragraph the
 * bookmark is in); recommendation labels, figure numbers (inside the caption's SEQ field) and heading
 * labels: `REF … \h` (the bookmarked text). A reference whose target is gone or has no number is
 * the plain text "[broken reference]" and an export warning. docs/cross-references.md.
 */
import { citable, referenceParts, brokenReferenceText } from '#shared/crossReferenceText'
import type { ReportNumbers } from '#shared/reportNumbering'
import type { ReportLanguage } from '#shared/schemas/report'
import { D, type DocxDesc } from './docxDesc'
import type { RenderContext } from './renderContext'
import type { PMNode } from '../types'

interface RefState { numbers: ReportNumbers, language: ReportLanguage, bookmarked: Set<string> }

// Kept beside the render context rather than on it: the exporter's other parts never read it.
const states = new WeakMap<RenderContext, RefState>()

/** Sets the numbers of this export (computed on the sections exactly as they are written). */
export function setReferenceNumbers(ctx: RenderContext, numbers: ReportNumbers, language: ReportLanguage): void {
  states.set(ctx, { numbers, language, bookmarked: new Set() })
}

/** The bookmark name of a target: hidden (leading `_`, as Word's own `_Ref…`), at most 40 characters. */
export function refBookmarkName(refId: string): string {
  return `_Ref${refId.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40)
}

/**
 * `children` inside the target bookmark of the node's `refId` when something may refer to it:
 * once per id (the first holder, as the numbering decides), never for a block joined into another.
 */
export function bookmarkTarget(ctx: RenderContext, node: PMNode, children: DocxDesc[]): DocxDesc[] {
  const state = states.get(ctx)
  const refId = typeof node.attrs?.refId === 'string' ? node.attrs.refId : ''
  if (!state || !refId || state.bookmarked.has(refId)) return children
  const target = state.numbers.byRefId.get(refId)
  if (!target || target.joined) return children
  state.bookmarked.add(refId)
  return [D.Bookmark({ id: refBookmarkName(refId), children })]
}

/** A `crossReference` node → its text with a REF field, or the broken-reference text and a warning. */
export function renderCrossReference(node: PMNode, ctx: RenderContext, run: Record<string, unknown>): DocxDesc[] {
  const state = states.get(ctx)
  const refId = typeof node.attrs?.targetId === 'string' ? node.attrs.targetId : ''
  const target = state?.numbers.byRefId.get(refId)
  const language = state?.language ?? 'en'
  if (!citable(target)) {
    ctx.warn('A cross-reference whose target was deleted (or has no number) was exported as “[broken reference]”')
    return [D.TextRun({ ...run, text: brokenReferenceText(language) })]
  }
  const parts = referenceParts(target, language)
  // Joined into the paragraph before it (an open suggested split in the clean copy): no place of
  // its own to bookmark, so the number is plain text (it is that paragraph's number).
  if (target.joined) return [D.TextRun({ ...run, text: parts.before + parts.number + parts.after })]
  const instruction = `REF ${refBookmarkName(refId)}${target.kind === 'paragraph' ? ' \\r' : ''} \\h`
  return [
    ...(parts.before ? [D.TextRun({ ...run, text: parts.before })] : []),
    D.SimpleField(instruction, parts.number),
    ...(parts.after ? [D.TextRun({ ...run, text: parts.after })] : []),
  ]
}
