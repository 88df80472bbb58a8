/**
 * In Editing mode, text someone types inside another person's suggestion would inherit their
 * `insertion` or `deletion` mark (ProseMirror gives new text the marks around it) — attributing
 * words to someone who never wrote them, which the hub refuses. This drops suggestion marks from
 * the text a direct edit inserts; it looks only at the inserted slices, never the whole document.
 */
import type { Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import type { Fragment } from '@tiptap/pm/model'
import { DELETION, INSERTION } from './suggestionMarks'

const suggested = (content: Fragment): boolean => {
  let found = false
  content.descendants((n) => {
    if (n.marks.some(m => m.type.name === INSERTION || m.type.name === DELETION)) found = true
    return !found
  })
  return found
}

/** `tr` with suggestion marks removed from the text it inserts (the same `tr`, for chaining). */
export function stripSuggestionMarks(tr: Transaction): Transaction {
  const ranges: Array<[number, number]> = []
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep) || !step.slice.size || !suggested(step.slice.content)) return
    const map = tr.mapping.slice(i + 1)
    ranges.push([map.map(step.from, 1), map.map(step.from + step.slice.size, -1)])
  })
  const { marks } = tr.doc.type.schema
  for (const [from, to] of ranges) {
    if (from >= to) continue
    tr.removeMark(from, to, marks[INSERTION])
    tr.removeMark(from, to, marks[DELETION])
  }
  return tr
}
