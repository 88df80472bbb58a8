/**
 * Open suggestions (the shared schema's `insertion` / `deletion` marks) in the two copies:
 * the review copy writes each as a Word tracked change — `w:ins` around inserted runs, `w:del`
 * with `w:delText` around deleted ones, author and date from the mark — so a reviewer accepts or
 * rejects them in Word; the clean copy is the text as it stands with every open suggestion
 * rejected (inserted text left out, text proposed for deletion kept as plain text).
 */
import { BREAK_BLOCKS, DELETION, INSERTION, SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from '#shared/editor/suggestionMarks'
import { D, type DocxDesc } from './docxDesc'
import type { PMMark, PMNode } from '../types'

const SUGGESTION_MARKS = new Set([INSERTION, DELETION])

/** Tracked-change ids start here, well clear of comment and bookmark ids (Word wants them distinct). */
const FIRST_CHANGE_ID = 100_000

/** Whether a mark is a suggestion mark (rendered by this module, not as run formatting). */
export function isSuggestionMark(mark: PMMark): boolean {
  return SUGGESTION_MARKS.has(mark.type)
}

/** The author Word shows: the Word author for changes imported from Word, else the Chorus name. */
export function changeAuthor(attrs: Record<string, unknown> | undefined): string {
  const word = typeof attrs?.wordAuthor === 'string' ? attrs.wordAuthor.trim() : ''
  const name = typeof attrs?.authorName === 'string' ? attrs.authorName.trim() : ''
  return word || name || '—'
}

/** ISO date without milliseconds, as Word writes `w:date`. */
export function changeDate(attrs: Record<string, unknown> | undefined): string {
  const ms = typeof attrs?.createdAt === 'number' && Number.isFinite(attrs.createdAt) ? attrs.createdAt : 0
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Numbers the tracked changes of one export. */
export class TrackedChangeIds {
  private next = FIRST_CHANGE_ID
  take(): number {
    return this.next++
  }
}

/**
 * One text run of the review copy: plain, or wrapped as a tracked change. Text both inserted and
 * proposed for deletion is written as the deletion (the later proposal; Word cannot nest them).
 */
export function trackedRun(marks: PMMark[] | undefined, props: Record<string, unknown>, text: string, ids: TrackedChangeIds): DocxDesc {
  const deletion = marks?.find(m => m.type === DELETION)
  const insertion = marks?.find(m => m.type === INSERTION)
  const mark = deletion ?? insertion
  if (!mark) return D.TextRun({ ...props, text })
  const change = { ...props, text, id: ids.take(), author: changeAuthor(mark.attrs), date: changeDate(mark.attrs) }
  return deletion ? D.DeletedTextRun(change) : D.InsertedTextRun(change)
}

/**
 * A suggested paragraph break before `node` (review copy) as Word's tracked change on the
 * paragraph MARK of the paragraph before it (`w:pPr/w:rPr/w:ins`, or `w:del` for a suggested join):
 * the run options to merge into that paragraph's `run`. Null when there is none.
 */
export function breakChange(node: PMNode, ids: TrackedChangeIds): Record<string, unknown> | null {
  const split = paragraphSuggestion(node.attrs?.[SUGGESTED_SPLIT])
  const join = paragraphSuggestion(node.attrs?.[SUGGESTED_JOIN])
  const s = join ?? split
  if (!s || !BREAK_BLOCKS.includes(node.type)) return null
  const attrs = s as unknown as Record<string, unknown>
  const change = { id: ids.take(), author: changeAuthor(attrs), date: changeDate(attrs) }
  return join ? { deletion: change } : { insertion: change }
}

/**
 * A section body with every open suggestion rejected: inserted text removed, deletion marks
 * dropped; a suggested paragraph break (`suggestedSplit`) joined back into the paragraph before
 * it, a suggested join left as the break it is (shared/editor/suggestionMarks.ts).
 */
export function rejectSuggestions(node: PMNode): PMNode {
  if (!node.content) return node
  const content: PMNode[] = []
  for (const child of node.content) {
    if (child.marks?.some(m => m.type === INSERTION)) continue
    const marks = child.marks?.filter(m => m.type !== DELETION)
    let kept = marks && marks.length !== child.marks!.length ? { ...child, marks } : child
    if (kept.attrs && (kept.attrs[SUGGESTED_SPLIT] != null || kept.attrs[SUGGESTED_JOIN] != null)) kept = { ...kept, attrs: { ...kept.attrs, [SUGGESTED_SPLIT]: null, [SUGGESTED_JOIN]: null } }
    const previous = content.at(-1)
    if (node.type === 'doc' && paragraphSuggestion(child.attrs?.[SUGGESTED_SPLIT]) && previous && BREAK_BLOCKS.includes(previous.type) && BREAK_BLOCKS.includes(child.type)) {
      content[content.length - 1] = { ...previous, content: [...(previous.content ?? []), ...(rejectSuggestions(kept).content ?? [])] }
      continue
    }
    content.push(rejectSuggestions(kept))
  }
  return { ...node, content }
}
