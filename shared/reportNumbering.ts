/**
 * Every report-wide number a reader cites — paragraph numbers exactly as the DOCX export numbers
 * them, recommendations "R12" and questions "Q3", figures "Figure 3", a heading's label "III" —
 * computed from the report's sections in order and keyed by the `refId` of the block that carries
 * it. One rule for the editor (live cross-references, the picker), the exporter (which paragraphs get
 * Word's number, the cached text of REF fields) and the submission check, so "see para. 27" in
 * the editor is para. 27 in Word.
 *
 * It works in two steps so the editor can call it on every change: `blockSummary` reads one
 * top-level block (cacheable per block: an edit changes one block's summary), `numberReport`
 * walks the summaries of all sections, a few operations per block (~1 ms for 100 pages).
 *
 * The export rules it mirrors (server/docx/export/exportDocx.ts): body sections first, annexes
 * (`countsTowardLimit: false`) last; paragraphs are numbered only in body sections of a report with
 * numbered paragraphs, and only non-empty direct children of the section body; the clean copy
 * rejects open suggestions first (inserted text gone, a suggested split joined back into the
 * block before it) and leaves out sections with no text.
 */
import { BREAK_BLOCKS, INSERTION, SUGGESTED_SPLIT, paragraphSuggestion } from './editor/suggestionMarks'

/** ProseMirror JSON as loose as the format (no server or schema types in shared/). */
export interface JsonNode {
  type: string
  attrs?: Record<string, unknown> | null
  content?: JsonNode[]
  text?: string
  marks?: Array<{ type: string, attrs?: Record<string, unknown> | null }>
}

/** What a cross-reference can point at (`crossReference.targetKind`). */
export type TargetKind = 'paragraph' | 'heading' | 'recommendation' | 'figure'

/** A target found inside one top-level block. */
export interface BlockTarget {
  kind: TargetKind
  refId: string | null
  /** Recommendations: a question for the State (Q…) rather than a recommendation (R…). */
  question?: boolean
  /** Headings: their text as exported (suggestions rejected in the clean copy). */
  text?: string
}

/** What numbering needs to know about one top-level block of a section body. */
export interface BlockSummary {
  type: string
  /** The block itself is a paragraph/heading whose open suggested split would be joined back. */
  split: boolean
  /** Inline nodes left in the block itself (textblocks only): 0 = empty, no paragraph number. */
  inline: number
  /** Some non-space text anywhere in the block, or a recommendation block (a section without either is left out of the clean copy). */
  hasText: boolean
  /** Targets in document order; the block's own comes first. */
  targets: BlockTarget[]
}

/** A section as numbering sees it, in stored order. */
export interface NumberingSection {
  id: string
  countsTowardLimit: boolean
  blocks: BlockSummary[]
}

/** Which copy is numbered, as `exportDocx` options decide it. */
export interface NumberingOptions {
  numberedParagraphs: boolean
  /** The clean copy (suggestions rejected). Default true: what is submitted, and what word counts assume. */
  clean?: boolean
  /** Sections without text are left out. Default: `clean`. */
  skipEmptySections?: boolean
}

/** A target with its number. `number` is null when it has none (an unnumbered or empty paragraph). */
export interface NumberedTarget {
  kind: TargetKind
  sectionId: string
  /** Index of the top-level block holding it in the stored section body. */
  block: number
  /** "27" (paragraph), "R12" / "Q3" (recommendation), "3" (figure), "III" or the heading text. */
  number: string | null
  /** A heading whose text has no leading label: `number` is its whole text. */
  untitled?: boolean
  /** Joined into the block before it in this copy (an open suggested split, clean copy): it has the number of that block, but no place of its own in Word. */
  joined?: boolean
}

/** All numbers of a report. */
export interface ReportNumbers {
  byRefId: Map<string, NumberedTarget>
  paragraphs: number
  recommendations: number
  questions: number
  figures: number
}

/** Whether a block written by the exporter gets a paragraph number: one rule for both. */
export function paragraphGetsNumber(type: string, top: boolean, sectionNumbered: boolean, inlineCount: number): boolean {
  // Empty paragraphs are spacing, not text the Committee could cite.
  return type === 'paragraph' && top && sectionNumbered && inlineCount > 0
}

/** Export order: body sections as stored, then the annexes. */
export function exportOrder<S extends { countsTowardLimit: boolean }>(sections: S[]): S[] {
  return [...sections.filter(s => s.countsTowardLimit), ...sections.filter(s => !s.countsTowardLimit)]
}

const LABEL = /^\s*((?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*))[.)](?:\s|$)/

/** A heading's leading label ("III" of "III. General principles"), or null. */
export function headingLabel(text: string): string | null {
  return LABEL.exec(text)?.[1] ?? null
}

const inserted = (n: JsonNode, clean: boolean) => clean && (n.marks?.some(m => m.type === INSERTION) ?? false)

function textOf(node: JsonNode, clean: boolean): string {
  if (inserted(node, clean)) return ''
  if (typeof node.text === 'string') return node.text
  return (node.content ?? []).map(c => textOf(c, clean)).join('')
}

/** Reads one top-level block of a section body (ProseMirror JSON). */
export function blockSummary(block: JsonNode, clean = true): BlockSummary {
  const targets: BlockTarget[] = []
  let hasText = false
  const walk = (node: JsonNode) => {
    if (inserted(node, clean)) return
    if (typeof node.text === 'string') {
      hasText ||= /\S/.test(node.text)
      return
    }
    const refId = typeof node.attrs?.refId === 'string' && node.attrs.refId ? node.attrs.refId : null
    if (node.type === 'paragraph') targets.push({ kind: 'paragraph', refId })
    else if (node.type === 'heading') targets.push({ kind: 'heading', refId, text: textOf(node, clean).trim() })
    else if (node.type === 'recommendation') {
      targets.push({ kind: 'recommendation', refId, question: node.attrs?.kind === 'question' })
      // The export keeps a section holding a recommendation block, even an empty one (it is numbered).
      hasText = true
    }
    else if (node.type === 'figure') {
      targets.push({ kind: 'figure', refId })
      // A picture is content even without a caption: the export keeps its section.
      hasText = true
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(block)
  return {
    type: block.type,
    split: clean && BREAK_BLOCKS.includes(block.type) && paragraphSuggestion(block.attrs?.[SUGGESTED_SPLIT]) !== null,
    inline: (block.content ?? []).filter(c => !inserted(c, clean)).length,
    hasText,
    targets,
  }
}

/** Summaries of a section body's top-level blocks (JSON). */
export function sectionBlocks(doc: JsonNode, clean = true): BlockSummary[] {
  return (doc.content ?? []).map(b => blockSummary(b, clean))
}

/** Numbers every target of the report; see the file comment for the rules. */
export function numberReport(sections: NumberingSection[], options: NumberingOptions): ReportNumbers {
  const clean = options.clean ?? true
  const skipEmpty = options.skipEmptySections ?? clean
  const out: ReportNumbers = { byRefId: new Map(), paragraphs: 0, recommendations: 0, questions: 0, figures: 0 }
  for (const section of exportOrder(sections)) {
    if (skipEmpty && !section.blocks.some(b => b.hasText)) continue
    const numbered = options.numberedParagraphs && section.countsTowardLimit
    numberSection(section, numbered, out)
  }
  return out
}

function numberSection(section: NumberingSection, numbered: boolean, out: ReportNumbers): void {
  const put = (refId: string | null, target: NumberedTarget) => {
    // The first holder of an id wins (a copied block keeps its id until someone refers to it anew).
    if (refId && !out.byRefId.has(refId)) out.byRefId.set(refId, target)
  }
  // The kept top-level textblock a suggested split would join into (clean copy), and its state.
  let host: { type: string, inline: number, refs: Array<{ refId: string | null, kind: TargetKind, text?: string, block: number, joined?: boolean }> } | null = null
  const flush = () => {
    if (!host) return
    const n = paragraphGetsNumber(host.type, true, numbered, host.inline) ? String(++out.paragraphs) : null
    for (const r of host.refs) {
      const target: NumberedTarget = r.kind === 'paragraph' ? { kind: 'paragraph', sectionId: section.id, block: r.block, number: n } : headingTarget(section.id, r.block, r.text ?? '')
      put(r.refId, r.joined ? { ...target, joined: true } : target)
    }
    host = null
  }
  section.blocks.forEach((b, index) => {
    const own = b.targets[0]
    const textblock = BREAK_BLOCKS.includes(b.type)
    if (b.split && host && textblock) {
      // Joined into the block before it: its text counts for that block's number, its own id
      // resolves to the number of the paragraph it becomes part of.
      host.inline += b.inline
      host.refs.push({ refId: own?.refId ?? null, kind: host.type === 'heading' ? 'heading' : 'paragraph', text: host.refs[0]!.text, block: index, joined: true })
      return
    }
    flush()
    if (textblock && own) {
      host = { type: b.type, inline: b.inline, refs: [{ refId: own.refId, kind: own.kind, text: own.text, block: index }] }
      return
    }
    for (const t of b.targets) {
      const target = numberNested(t, section.id, index, out)
      put(t.refId, target)
    }
  })
  flush()
}

function numberNested(t: BlockTarget, sectionId: string, block: number, out: ReportNumbers): NumberedTarget {
  if (t.kind === 'recommendation') {
    const number = t.question ? `Q${++out.questions}` : `R${++out.recommendations}`
    return { kind: t.kind, sectionId, block, number }
  }
  if (t.kind === 'figure') return { kind: t.kind, sectionId, block, number: String(++out.figures) }
  if (t.kind === 'heading') return headingTarget(sectionId, block, t.text ?? '')
  // A paragraph inside a list, quote, table or recommendation: no paragraph number of its own.
  return { kind: 'paragraph', sectionId, block, number: null }
}

function headingTarget(sectionId: string, block: number, text: string): NumberedTarget {
  const label = headingLabel(text)
  return label ? { kind: 'heading', sectionId, block, number: label } : { kind: 'heading', sectionId, block, number: text || null, untitled: true }
}

/** Numbers a report held as JSON section bodies (the exporter's input). */
export function numberJsonReport(sections: Array<{ id: string, countsTowardLimit: boolean, content: JsonNode }>, options: NumberingOptions): ReportNumbers {
  const clean = options.clean ?? true
  return numberReport(sections.map(s => ({ id: s.id, countsTowardLimit: s.countsTowardLimit, blocks: sectionBlocks(s.content, clean) })), options)
}
