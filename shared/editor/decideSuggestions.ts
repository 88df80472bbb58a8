/**
 * Accepting and rejecting suggestions as one ProseMirror transform (so each decision is one
 * undoable step): accepting an insertion keeps the text and drops the mark, rejecting it deletes
 * the text; accepting a deletion deletes the text, rejecting it drops the mark. Text that carries
 * both (a deletion suggested over someone's insertion) goes when either decision removes it.
 * Used by the browser's comments panel and by tests; works on any Transform (server included).
 */
import type { Mark, Node as PmNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { BREAK_BLOCKS, DELETION, INSERTION, SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from './suggestionMarks'
import type { SuggestionAttrs } from './suggestionMarks'

export type Decision = 'accept' | 'reject'

/** Which suggestions: one id, one author's, or (empty) all of them. */
export interface SuggestionSelector { id?: string, authorId?: string }

const selected = (a: SuggestionAttrs | null, which: SuggestionSelector) => !!a && (which.id === undefined || a.id === which.id) && (which.authorId === undefined || a.authorId === which.authorId)
const matches = (mark: Mark | undefined, which: SuggestionSelector): mark is Mark => !!mark && selected(mark.attrs as SuggestionAttrs, which)

/**
 * The suggested paragraph breaks `which` selects, per top-level block (position before it):
 * `join` when the decision removes the break (a split rejected, a join accepted), else `keep`
 * (the attribute is dropped). The first block has no break before it: its attributes are dropped.
 */
function breakDecisions(doc: PmNode, decision: Decision, which: SuggestionSelector): Array<{ pos: number, node: PmNode, join: boolean, attrs: Record<string, unknown> }> {
  const out: Array<{ pos: number, node: PmNode, join: boolean, attrs: Record<string, unknown> }> = []
  doc.forEach((node, pos, index) => {
    if (!BREAK_BLOCKS.includes(node.type.name)) return
    const split = selected(paragraphSuggestion(node.attrs[SUGGESTED_SPLIT]), which)
    const join = selected(paragraphSuggestion(node.attrs[SUGGESTED_JOIN]), which)
    if (!split && !join) return
    const attrs = { ...node.attrs, ...(split ? { [SUGGESTED_SPLIT]: null } : {}), ...(join ? { [SUGGESTED_JOIN]: null } : {}) }
    const removes = (split && decision === 'reject') || (join && decision === 'accept')
    const before = index > 0 ? doc.child(index - 1) : null
    out.push({ pos, node, attrs, join: removes && !!before && before.isTextblock && before.type.contentMatch.matchFragment(before.content.append(node.content))?.validEnd === true })
  })
  return out
}

/** Decide the selected suggestions of `tr.doc` inside `tr`; returns how many text runs changed. */
export function decideSuggestions(tr: Transform, decision: Decision, which: SuggestionSelector = {}): number {
  const removals: Array<{ from: number, to: number, mark: Mark }> = []
  const deletes: Array<[number, number]> = []
  tr.doc.descendants((node: PmNode, pos: number) => {
    if (!node.isText) return !node.isInline
    const ins = node.marks.find(m => m.type.name === INSERTION)
    const del = node.marks.find(m => m.type.name === DELETION)
    const decideIns = matches(ins, which)
    const decideDel = matches(del, which)
    if (!decideIns && !decideDel) return false
    const to = pos + node.nodeSize
    if ((decideIns && decision === 'reject') || (decideDel && decision === 'accept')) {
      const last = deletes[deletes.length - 1]
      if (last && last[1] === pos) last[1] = to
      else deletes.push([pos, to])
    } else {
      if (decideIns) removals.push({ from: pos, to, mark: ins! })
      if (decideDel) removals.push({ from: pos, to, mark: del! })
    }
    return false
  })
  const breaks = breakDecisions(tr.doc, decision, which)
  for (const r of removals) tr.removeMark(r.from, r.to, r.mark)
  // Node attributes first (positions stay), then text deletions and joins from the end.
  for (const b of breaks) tr.setNodeMarkup(b.pos, undefined, b.attrs)
  const ops: Array<{ at: number, run: () => void }> = [
    ...deletes.map(([from, to]) => ({ at: from, run: () => tr.delete(from, to) })),
    ...breaks.filter(b => b.join).map(b => ({ at: b.pos, run: () => tr.join(b.pos) })),
  ]
  for (const op of ops.sort((x, y) => y.at - x.at)) op.run()
  return removals.length + deletes.length + breaks.length
}

/**
 * Would deciding `which` delete text that also carries a suggestion it does not decide (a
 * deletion suggested over someone's insertion)? Undoing such a decision would re-create the other
 * suggestion too, which the hub lets nobody do in another's name; so it is kept out of the undo
 * history (docs/suggestions.md, "Undo").
 */
export function decisionEntangles(doc: PmNode, decision: Decision, which: SuggestionSelector = {}): boolean {
  let found = false
  doc.descendants((node: PmNode) => {
    if (found) return false
    if (!node.isText) return !node.isInline
    const ins = node.marks.find(m => m.type.name === INSERTION)
    const del = node.marks.find(m => m.type.name === DELETION)
    const decideIns = matches(ins, which)
    const decideDel = matches(del, which)
    const removes = (decideIns && decision === 'reject') || (decideDel && decision === 'accept')
    if (removes && ((ins && !decideIns) || (del && !decideDel))) found = true
    return false
  })
  return found
}
