/**
 * The one reader of suggestions (tracked changes), for the browser's comments panel and the
 * server's disposition CSV and Word export alike: it lists each suggestion of a section once, with
 * its author, time, kind and the text it inserts and deletes, from a ProseMirror document or from
 * the section's Y.XmlFragment (whose text carries the marks as format attributes).
 */
import * as Y from 'yjs'
import type { Node as PmNode } from '@tiptap/pm/model'
import { DELETION, INSERTION, PARAGRAPH_MARK, SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from './suggestionMarks'
import type { SuggestionAttrs } from './suggestionMarks'

export interface SuggestionEntry {
  id: string
  sectionId: string
  kind: 'insertion' | 'deletion' | 'replacement'
  authorId: string
  authorName: string
  wordAuthor: string | null
  createdAt: number
  inserted: string
  deleted: string
  /**
   * The distinct mark attributes the suggestion's text carries (usually one): a decision record
   * keeps them, so the decider's undo may put exactly these back (server/collab/suggestionCheck.ts).
   */
  marks: SuggestionAttrs[]
}

/** A piece of text with its suggestion marks; `block` starts a new paragraph. */
interface TextRun { text: string, insertion?: SuggestionAttrs, deletion?: SuggestionAttrs, block: boolean }

/** A suggested paragraph break reads as a pilcrow inserted (split) or deleted (join), first in its block. */
function breakRuns(split: unknown, join: unknown): TextRun[] {
  const runs: TextRun[] = []
  const s = paragraphSuggestion(split)
  const j = paragraphSuggestion(join)
  if (s) runs.push({ text: PARAGRAPH_MARK, insertion: s, block: true })
  if (j) runs.push({ text: PARAGRAPH_MARK, deletion: j, block: !s })
  return runs
}

function* pmRuns(doc: PmNode): Generator<TextRun> {
  const runs: TextRun[] = []
  doc.descendants((node) => {
    if (node.isTextblock) {
      const marks = breakRuns(node.attrs[SUGGESTED_SPLIT], node.attrs[SUGGESTED_JOIN])
      runs.push(...marks)
      let block = !marks.length
      node.forEach((child) => {
        if (!child.isText) return
        const ins = child.marks.find(m => m.type.name === INSERTION)?.attrs as SuggestionAttrs | undefined
        const del = child.marks.find(m => m.type.name === DELETION)?.attrs as SuggestionAttrs | undefined
        runs.push({ text: child.text ?? '', insertion: ins, deletion: del, block })
        block = false
      })
      return false
    }
    return true
  })
  yield* runs
}

/** Runs of each paragraph's Y.XmlText, kept by a caller that drops the entries of changed texts. */
export type YRunCache = WeakMap<Y.XmlText, TextRun[]>

function textRuns(text: Y.XmlText, cache?: YRunCache): TextRun[] {
  const known = cache?.get(text)
  if (known) return known
  const runs: TextRun[] = []
  for (const op of text.toDelta() as Array<{ insert: unknown, attributes?: Record<string, SuggestionAttrs> }>) {
    if (typeof op.insert !== 'string') continue
    runs.push({ text: op.insert, insertion: op.attributes?.[INSERTION], deletion: op.attributes?.[DELETION], block: runs.length === 0 })
  }
  cache?.set(text, runs)
  return runs
}

function* yRuns(node: Y.XmlFragment | Y.XmlElement, cache?: YRunCache): Generator<TextRun> {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      const marks = breakRuns(child.getAttribute(SUGGESTED_SPLIT), child.getAttribute(SUGGESTED_JOIN))
      yield* marks
      const inner = [...yRuns(child, cache)]
      // The block's first text run does not start another block after its pilcrow.
      if (marks.length && inner[0]?.block) inner[0] = { ...inner[0], block: false }
      yield* inner
      continue
    }
    else if (child instanceof Y.XmlText) yield* textRuns(child, cache)
  }
}

/** Equal suggestion attributes (key order aside). */
export function sameAttrs(a: object, b: object): boolean {
  const [x, y] = [a as Readonly<Record<string, unknown>>, b as Readonly<Record<string, unknown>>]
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  for (const k of keys) if ((x[k] ?? null) !== (y[k] ?? null)) return false
  return true
}

/**
 * The suggestions of one section body, in document order. `cache` (Y only) keeps each paragraph's
 * runs between calls: the caller deletes the entries of the texts a transaction changed, so a
 * re-read while someone types costs the changed paragraph, not the section.
 */
export function readSuggestions(body: PmNode | Y.XmlFragment, sectionId: string, cache?: YRunCache): SuggestionEntry[] {
  const byId = new Map<string, SuggestionEntry>()
  const lastBlock = new Map<string, number>()
  let blockNo = 0
  const add = (attrs: SuggestionAttrs, field: 'inserted' | 'deleted', text: string) => {
    let e = byId.get(attrs.id)
    if (!e) {
      e = { id: attrs.id, sectionId, kind: field === 'inserted' ? 'insertion' : 'deletion', authorId: attrs.authorId, authorName: attrs.authorName, wordAuthor: attrs.wordAuthor ?? null, createdAt: attrs.createdAt, inserted: '', deleted: '', marks: [] }
      byId.set(attrs.id, e)
    }
    if (!e.marks.some(m => sameAttrs(m, attrs))) e.marks.push({ ...attrs })
    // Text of one suggestion in several paragraphs reads with a space between them.
    const sep = e[field] && lastBlock.get(attrs.id + field) !== blockNo ? ' ' : ''
    e[field] += sep + text
    lastBlock.set(attrs.id + field, blockNo)
    if ((field === 'inserted' && e.kind === 'deletion') || (field === 'deleted' && e.kind === 'insertion')) e.kind = 'replacement'
  }
  for (const run of body instanceof Y.XmlFragment ? yRuns(body, cache) : pmRuns(body)) {
    if (run.block) blockNo++
    if (run.insertion?.id) add(run.insertion, 'inserted', run.text)
    if (run.deletion?.id) add(run.deletion, 'deleted', run.text)
  }
  return [...byId.values()]
}
