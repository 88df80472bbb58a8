/**
 * Accepting and rejecting suggestions as one ProseMirror transform (so each decision is one
 * undoable step): accepting an insertion keeps the text and drops the mark, rejecting it deletes
 * the text; accepting a deletion deletes the text, rejecting it drops the mark. Text that carries
 * both (a deletion suggested over someone's insertion) goes when either decision removes it.
 * Used by the browser's comments panel and by tests; works on any Transform (server included).
 */
import type { Mark, Node as PmNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { DELETION, INSERTION } from './suggestionMarks'
import type { SuggestionAttrs } from './suggestionMarks'

export type Decision = 'accept' | 'reject'

/** Which suggestions: one id, one author's, or (empty) all of them. */
export interface SuggestionSelector { id?: string, authorId?: string }

const matches = (mark: Mark | undefined, which: SuggestionSelector): mark is Mark => {
  if (!mark) return false
  const a = mark.attrs as SuggestionAttrs
  return (which.id === undefined || a.id === which.id) && (which.authorId === undefined || a.authorId === which.authorId)
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
  for (const r of removals) tr.removeMark(r.from, r.to, r.mark)
  for (const [from, to] of deletes.reverse()) tr.delete(from, to)
  return removals.length + deletes.length
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
