/**
 * The worker's review markers (reviewMarkupSource.ts) → the shared schema: text between `i<n>` …
 * `/i<n>` gets an `insertion` mark, between `d<n>` … `/d<n>` a `deletion` mark, attributed to the
 * importing account with the Word author kept as `wordAuthor` (shown "<name>, in Word") and the
 * date from `w:date`; comment markers become ranges (ProseMirror positions in the cleaned body);
 * section bookmarks of a Chorus export tell which top-level block starts which section; a tracked
 * paragraph mark (`bi<n>` / `bd<n>` at the start of the paragraph after it) becomes that
 * paragraph's `suggestedSplit` / `suggestedJoin`, as Suggesting mode writes them.
 */
import { BREAK_BLOCKS, DELETION, INSERTION, SUGGESTED_JOIN, SUGGESTED_SPLIT, encodeParagraphSuggestion, type SuggestionAttrs } from '#shared/editor/suggestionMarks'
import { newSuggestionId } from '#shared/editor/newSuggestionId'
import { nodeSize } from '../export/positions'
import type { WordReview } from './runMammoth'
import type { PMMark, PMNode } from '../types'

const MARKER = /\uFDD2([^\uFDD3]*)\uFDD3/g

/** A Word author's name is kept to this many characters (Word's own names are far shorter). */
const MAX_NAME = 200

const wordName = (name: string) => name.trim().slice(0, MAX_NAME) || 'Word'

/** The account an import is attributed to. */
export interface Importer {
  id: string
  name: string
}

/** A Word comment placed in the body, its replies gathered under it. */
export interface ImportedComment {
  author: string
  createdAt: number
  text: string
  /** Positions in the cleaned body; null when the comment had no range. */
  from: number | null
  to: number | null
  replies: Array<{ author: string, createdAt: number, text: string }>
}

/** The body with marks and ranges, and what was left out. */
export interface ReviewMarkersResult {
  content: PMNode
  comments: ImportedComment[]
  /** Top-level block index → section id, for the section titles of a Chorus export. */
  sectionStarts: Array<{ block: number, sectionId: string }>
  /** Word comments marked done (resolved) in Word, with their replies: not imported. */
  resolvedLeftOut: number
}

function time(date: string, fallback: number): number {
  const ms = Date.parse(date)
  return Number.isFinite(ms) ? ms : fallback
}

/** Reads the markers out of `doc` (the whole converted document). */
export function readReviewMarkers(doc: PMNode, review: WordReview, importer: Importer, now = Date.now()): ReviewMarkersResult {
  const attrs = review.changes.map((c): SuggestionAttrs => ({
    id: newSuggestionId(), authorId: importer.id, authorName: importer.name, createdAt: time(c.date, now), wordAuthor: wordName(c.author),
  }))
  const active: Array<{ code: string, n: number }> = []
  const starts = new Map<string, number>()
  const ends = new Map<string, number>()
  const sectionStarts: ReviewMarkersResult['sectionStarts'] = []
  let topBlock = -1
  /** Suggested breaks read in the top-level block being rebuilt. */
  let breaks: Array<{ attr: string, n: number }> = []

  const suggestionMarks = (base: PMMark[] | undefined): PMMark[] | undefined => {
    const marks = (base ?? []).filter(m => m.type !== INSERTION && m.type !== DELETION)
    const ins = active.findLast(a => a.code === 'i')
    const del = active.findLast(a => a.code === 'd')
    if (ins) marks.push({ type: INSERTION, attrs: { ...attrs[ins.n] } })
    if (del) marks.push({ type: DELETION, attrs: { ...attrs[del.n] } })
    return marks.length ? marks : undefined
  }

  const marker = (code: string, pos: number) => {
    const b = /^b([id])(\d+)$/.exec(code)
    if (b) {
      if (attrs[Number(b[2])]) breaks.push({ attr: b[1] === 'i' ? SUGGESTED_SPLIT : SUGGESTED_JOIN, n: Number(b[2]) })
      return
    }
    const m = /^(\/?)([idcs])(.+)$/.exec(code)
    if (!m) return
    const [, close, kind, id] = m as unknown as [string, string, string, string]
    if (kind === 'c') (close ? ends : starts).set(id, pos)
    else if (kind === 's') {
      const sectionId = review.chorusSections?.[Number(id)]
      if (sectionId && topBlock >= 0) sectionStarts.push({ block: topBlock, sectionId })
    } else if (close) {
      const at = active.findLastIndex(a => a.code === kind && String(a.n) === id)
      if (at >= 0) active.splice(at, 1)
    } else if (attrs[Number(id)]) {
      active.push({ code: kind, n: Number(id) })
    }
  }

  const rebuild = (node: PMNode, contentStart: number): PMNode => {
    if (!node.content) return node
    const content: PMNode[] = []
    let pos = contentStart
    node.content.forEach((child, index) => {
      if (node.type === 'doc') topBlock = index
      if (child.type !== 'text') {
        if (node.type === 'doc') breaks = []
        let rebuilt = rebuild(child, pos + 1)
        // A break suggested before a top-level paragraph (the first block has none before it).
        if (node.type === 'doc' && index > 0 && breaks.length && BREAK_BLOCKS.includes(rebuilt.type)) {
          const extra = Object.fromEntries(breaks.map(x => [x.attr, encodeParagraphSuggestion(attrs[x.n]!)]))
          rebuilt = { ...rebuilt, attrs: { ...rebuilt.attrs, ...extra } }
        }
        content.push(rebuilt)
        pos += nodeSize(rebuilt)
        return
      }
      const text = child.text ?? ''
      let last = 0
      const pushText = (piece: string) => {
        if (!piece) return
        const marks = suggestionMarks(child.marks)
        content.push(marks ? { type: 'text', text: piece, marks } : { type: 'text', text: piece })
        pos += piece.length
      }
      for (const m of text.matchAll(MARKER)) {
        pushText(text.slice(last, m.index))
        marker(m[1]!, pos)
        last = m.index + m[0].length
      }
      pushText(text.slice(last))
    })
    return { ...node, content }
  }
  const content = rebuild(doc, 0)
  return { content, sectionStarts, ...gatherComments(review, starts, ends, now) }
}

/**
 * A file without Word's threading (no comment names a parent) writes replies as comments on the
 * same words — LibreOffice 7 does — so there a comment on exactly the range of an earlier one is
 * read as its reply.
 */
function threadBySameRange(review: WordReview, starts: Map<string, number>, ends: Map<string, number>): WordReview['comments'] {
  if (review.comments.some(c => c.parentId)) return review.comments
  const first = new Map<string, string>()
  return review.comments.map((c) => {
    const from = starts.get(c.id)
    const to = ends.get(c.id)
    if (from === undefined || to === undefined) return c
    const key = `${from}:${to}`
    const parent = first.get(key)
    if (parent === undefined) first.set(key, c.id)
    return parent === undefined ? c : { ...c, parentId: parent }
  })
}

function gatherComments(review: WordReview, starts: Map<string, number>, ends: Map<string, number>, now: number): { comments: ImportedComment[], resolvedLeftOut: number } {
  review = { ...review, comments: threadBySameRange(review, starts, ends) }
  const byId = new Map(review.comments.map(c => [c.id, c]))
  const root = (id: string) => {
    let c = byId.get(id)!
    for (let hops = 0; c.parentId && byId.has(c.parentId) && hops < 100; hops++) c = byId.get(c.parentId)!
    return c
  }
  const threads = new Map<string, ImportedComment>()
  let resolvedLeftOut = 0
  for (const c of review.comments) {
    const top = root(c.id)
    if (top.done) {
      if (top === c) resolvedLeftOut++
      continue
    }
    if (top !== c) continue
    const from = starts.get(c.id) ?? null
    const to = ends.get(c.id) ?? null
    threads.set(c.id, { author: wordName(c.author), createdAt: time(c.date, now), text: c.text, from, to: from !== null && to !== null ? Math.max(from, to) : null, replies: [] })
  }
  for (const c of review.comments) {
    const top = root(c.id)
    if (top !== c) threads.get(top.id)?.replies.push({ author: wordName(c.author), createdAt: time(c.date, now), text: c.text })
  }
  return { comments: [...threads.values()], resolvedLeftOut }
}
