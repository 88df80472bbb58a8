/**
 * Suggesting mode as a pure ProseMirror transform: the transaction a person made becomes the
 * transaction that records it as their suggestion. Inserted text gets their `insertion` mark,
 * deleted text stays and gets their `deletion` mark, and deleting their own pending insertion
 * really removes it (withdrawing). Formatting (bold, links…) applies directly. A paragraph break
 * made (Enter) or removed (joining two top-level paragraphs) becomes the `suggestedSplit` /
 * `suggestedJoin` attribute of the paragraph after the break (shared/editor/suggestionMarks.ts).
 * Any other change of structure (lists, tables, footnotes, line breaks, headings, deletions across
 * paragraphs) is not tracked in this version: the result says `structural` and the editor refuses it.
 *
 * The cost is that of the step itself (no scan of the document), so it stays well inside a frame
 * per keystroke. Why we did not use @handlewithcare/prosemirror-suggest-changes: docs/suggestions.md.
 */
import { TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'
import { Fragment } from '@tiptap/pm/model'
import type { Mark, Node as PmNode, Slice } from '@tiptap/pm/model'
import { BREAK_BLOCKS, DELETION, INSERTION, SUGGESTED_JOIN, SUGGESTED_SPLIT, encodeParagraphSuggestion, paragraphSuggestion } from './suggestionMarks'
import type { SuggestionAttrs } from './suggestionMarks'
import { newSuggestionId } from './newSuggestionId'

/** Who suggests, and (for tests and clocks the server corrects) when and with which ids. */
export interface Suggester {
  id: string
  name: string
  now?: () => number
  newId?: () => string
}

export type SuggestResult =
  | { kind: 'tracked', tr: Transaction }
  /** Changes structure (paragraphs, lists, tables, footnotes, inline objects): not tracked yet. */
  | { kind: 'structural' }

const isSuggestionMark = (m: Mark) => m.type.name === INSERTION || m.type.name === DELETION

/** The inline text of a slice that stays inside one textblock, or null when it carries structure. */
function inlineText(slice: Slice): Fragment | null {
  if (slice.openStart !== slice.openEnd) return null
  let content = slice.content
  for (let d = 0; d < slice.openStart; d++) {
    if (content.childCount !== 1) return null
    const only = content.firstChild!
    if (d === slice.openStart - 1 && !only.isTextblock) return null
    content = only.content
  }
  let ok = true
  content.forEach((n) => {
    if (!n.isText) ok = false
  })
  return ok ? content : null
}

/** Only text between `from` and `to`, inside one textblock. */
function plainTextRange(doc: PmNode, from: number, to: number): boolean {
  const $from = doc.resolve(from)
  if (!$from.sameParent(doc.resolve(to)) || !$from.parent.inlineContent) return false
  let ok = true
  doc.nodesBetween(from, to, (n) => {
    if (n.isInline && !n.isText) ok = false
    return ok
  })
  return ok
}

/** The attrs of my own suggestion right before `from` or right after `to`: a run continues it. */
function adjacentOwn(doc: PmNode, from: number, to: number, authorId: string): SuggestionAttrs | null {
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = node?.marks.find(m => isSuggestionMark(m) && m.attrs.authorId === authorId)
    if (mark) return mark.attrs as SuggestionAttrs
  }
  return null
}

/** Where the caret lands past a run of text already marked deleted, going `dir`. */
function pastDeleted(doc: PmNode, pos: number, dir: -1 | 1): number {
  for (;;) {
    const $pos = doc.resolve(pos)
    const node = dir < 0 ? $pos.nodeBefore : $pos.nodeAfter
    if (!node?.isText || !node.marks.some(m => m.type.name === DELETION)) return pos
    pos += dir * node.nodeSize
  }
}

/** Record one text replacement (`from`–`to` of `tr.doc` replaced by `text`) as a suggestion. */
function trackReplace(tr: Transaction, from: number, to: number, text: Fragment, who: Suggester, backspace: boolean | null): number {
  const schema = tr.doc.type.schema
  const doc = tr.doc
  const own = adjacentOwn(doc, from, to, who.id)
  const attrs: SuggestionAttrs = own
    ? { ...own }
    : { id: (who.newId ?? newSuggestionId)(), authorId: who.id, authorName: who.name, createdAt: (who.now ?? Date.now)(), wordAuthor: null }
  const start = tr.steps.length
  const withdrawn: Array<[number, number]> = []
  let changed = false
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    const s = Math.max(from, pos)
    const e = Math.min(to, pos + node.nodeSize)
    const inserted = node.marks.find(m => m.type.name === INSERTION)
    if (inserted?.attrs.authorId === who.id) withdrawn.push([s, e])
    else if (!node.marks.some(m => m.type.name === DELETION)) tr.addMark(s, e, schema.marks[DELETION]!.create(attrs))
    else return false
    changed = true
    return false
  })
  // Mark steps keep positions, so the withdrawn ranges are still right; delete from the end.
  for (const [s, e] of withdrawn.reverse()) tr.delete(s, e)
  const map = tr.mapping.slice(start)
  const at = map.map(to, -1)
  if (text.size) {
    const nodes: PmNode[] = []
    text.forEach(n => nodes.push(n.mark(schema.marks[INSERTION]!.create(attrs).addToSet(n.marks.filter(m => !isSuggestionMark(m))))))
    tr.insert(at, Fragment.fromArray(nodes))
    return at + text.size
  }
  // A deletion: Backspace leaves the caret before the text, Delete and a selection after it.
  if (backspace) {
    const caret = map.map(from, -1)
    return changed ? caret : pastDeleted(tr.doc, caret, -1)
  }
  return backspace === false && !changed ? pastDeleted(tr.doc, at, 1) : at
}

/** A top-level paragraph or heading (the blocks whose breaks can be suggested). */
const breakBlock = (n: PmNode | null | undefined) => !!n && BREAK_BLOCKS.includes(n.type.name)

/** Is `step` (on `doc`) Enter: splitting a top-level text block at one point, nothing else? */
function splitOf(doc: PmNode, step: ReplaceStep): PmNode | null {
  const { slice } = step
  if (step.from !== step.to || slice.openStart !== 1 || slice.openEnd !== 1 || slice.content.childCount !== 2) return null
  const [a, b] = [slice.content.firstChild!, slice.content.lastChild!]
  if (a.content.size || b.content.size || !breakBlock(b)) return null
  const $pos = doc.resolve(step.from)
  return $pos.depth === 1 && breakBlock($pos.parent) ? b : null
}

/**
 * Is `step` (on `doc`) joining two top-level text blocks (Backspace at a start, Delete at an
 * end)? Returns the position between the two blocks, or null. Removing an empty block after
 * another counts as joining it.
 */
function joinAt(doc: PmNode, step: ReplaceStep): number | null {
  if (step.slice.size || step.to - step.from !== 2) return null
  const $from = doc.resolve(step.from)
  if ($from.depth === 0) {
    const block = doc.nodeAt(step.from)
    return breakBlock(block) && !block!.content.size && breakBlock($from.nodeBefore) ? step.from : null
  }
  return isJoin(doc, step) ? step.from + 1 : null
}

function isJoin(doc: PmNode, step: ReplaceStep): boolean {
  const $from = doc.resolve(step.from)
  const $to = doc.resolve(step.to)
  return $from.depth === 1 && $to.depth === 1 && breakBlock($from.parent) && breakBlock($to.parent) && $from.parentOffset === $from.parent.content.size && $to.parentOffset === 0
}

/** The attributes of a new suggestion of `who`'s. */
const fresh = (who: Suggester): SuggestionAttrs => ({ id: (who.newId ?? newSuggestionId)(), authorId: who.id, authorName: who.name, createdAt: (who.now ?? Date.now)(), wordAuthor: null })

/**
 * Enter: split the block at `pos` of `tr.doc`; the new block carries `who`'s `suggestedSplit`.
 * Returns where the caret goes (the start of the new block).
 */
function trackSplit(tr: Transaction, pos: number, second: PmNode, who: Suggester): number {
  const attrs = { ...second.attrs, [SUGGESTED_SPLIT]: encodeParagraphSuggestion(fresh(who)), [SUGGESTED_JOIN]: null }
  tr.split(pos, 1, [{ type: second.type, attrs }])
  return pos + 2
}

/**
 * Joining the block that starts at `between` (the position between the two blocks of `tr.doc`)
 * to the one before: withdraws `who`'s own suggested split there; otherwise marks the break as
 * `who`'s suggested join (already proposed: nothing changes). Returns the caret.
 */
function trackJoin(tr: Transaction, between: number, who: Suggester): number {
  const block = tr.doc.nodeAt(between)!
  const split = paragraphSuggestion(block.attrs[SUGGESTED_SPLIT])
  if (split?.authorId === who.id) {
    tr.join(between)
    return between - 1
  }
  if (!paragraphSuggestion(block.attrs[SUGGESTED_JOIN])) tr.setNodeMarkup(between, undefined, { ...block.attrs, [SUGGESTED_JOIN]: encodeParagraphSuggestion(fresh(who)) })
  return between - 1
}

/** The suggestion transaction for `original` (made on `state`) by `who`. */
export function suggestChanges(state: EditorState, original: Transaction, who: Suggester): SuggestResult {
  const tr = state.tr
  const inverse = original.steps.map(s => s.getMap().invert())
  /** A position in the original's document before step `i` → the same place in `tr.doc`. */
  const rebase = (pos: number, i: number, assoc: -1 | 1) => {
    for (let j = i - 1; j >= 0; j--) pos = inverse[j]!.map(pos, assoc)
    return tr.mapping.map(pos, assoc)
  }
  let caret: number | null = null
  const sel = state.selection
  for (let i = 0; i < original.steps.length; i++) {
    const step = original.steps[i]!
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      if (isSuggestionMark(step.mark)) return { kind: 'structural' }
      const from = rebase(step.from, i, 1)
      const to = rebase(step.to, i, -1)
      if (from < to) tr[step instanceof AddMarkStep ? 'addMark' : 'removeMark'](from, to, step.mark)
      continue
    }
    if (!(step instanceof ReplaceStep)) return { kind: 'structural' }
    const before = original.docs[i]!
    // Paragraph breaks: Enter and joining two paragraphs are suggested as node attributes.
    const second = splitOf(before, step)
    if (second) {
      caret = trackSplit(tr, rebase(step.from, i, 1), second, who)
      continue
    }
    const between = joinAt(before, step)
    if (between !== null) {
      caret = trackJoin(tr, rebase(between, i, 1), who)
      continue
    }
    const text = inlineText(step.slice)
    if (!text || !plainTextRange(before, step.from, step.to)) return { kind: 'structural' }
    if (step.from === step.to && !text.size) continue
    const key = i === 0 && sel.empty && step.from !== step.to ? (sel.head === step.to ? true : sel.head === step.from ? false : null) : null
    caret = trackReplace(tr, rebase(step.from, i, -1), rebase(step.to, i, 1), text, who, key)
  }
  if (caret !== null) tr.setSelection(TextSelection.create(tr.doc, caret))
  // Plugins read their metas (input rules, paste, y-tiptap's origin) from the transaction.
  for (const [key, value] of Object.entries((original as unknown as { meta: Record<string, unknown> }).meta)) tr.setMeta(key, value)
  if (original.scrolledIntoView) tr.scrollIntoView()
  return { kind: 'tracked', tr }
}
