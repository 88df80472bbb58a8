/**
 * Two texts of one section (a version and the current text, or two versions) as ONE document to
 * read: the newer text with what it added marked as an insertion and what it dropped put back,
 * marked as a deletion, at the place it was. prosemirror-changeset distils the difference (one
 * step replacing the whole text, which it narrows to the characters that differ); the marks are
 * the shared tracked-change marks, so the page draws them as the editor draws suggestions.
 * Authors come from the server (server/reports/readableText.ts): who wrote each run of characters.
 */
import { ChangeSet, simplifyChanges } from '@tiptap/pm/changeset'
import type { Change } from '@tiptap/pm/changeset'
import { Slice } from '@tiptap/pm/model'
import type { Mark, Node as PmNode, Schema } from '@tiptap/pm/model'
import { ReplaceStep, Transform } from '@tiptap/pm/transform'

export interface AuthorRun { from: number, to: number, author: string }
export interface SideText { doc: Record<string, unknown>, authors: AuthorRun[] }

export interface SectionDiff {
  /** The newer text with insertion and deletion marks. */
  doc: PmNode
  inserted: number
  deleted: number
  /** Who wrote the inserted and the deleted words, where the document knows it. */
  insertedBy: string[]
  deletedBy: string[]
}

const EMPTY = { type: 'doc', content: [{ type: 'paragraph' }] }

/** The runs of `authors` that overlap `from`–`to`, cut to it (gaps become unattributed runs). */
function runsIn(authors: AuthorRun[], from: number, to: number): AuthorRun[] {
  const out: AuthorRun[] = []
  let at = from
  for (const r of authors) {
    if (r.to <= at || r.from >= to) continue
    if (r.from > at) out.push({ from: at, to: r.from, author: '' })
    out.push({ from: Math.max(r.from, at), to: Math.min(r.to, to), author: r.author })
    at = Math.min(r.to, to)
  }
  if (at < to) out.push({ from: at, to, author: '' })
  return out
}

/** The character at `pos` inside a textblock, '' elsewhere. */
function charAt(doc: PmNode, pos: number): string {
  if (pos < 0 || pos >= doc.content.size) return ''
  const $pos = doc.resolve(pos)
  return $pos.parent.inlineContent && pos < $pos.end() ? doc.textBetween(pos, pos + 1, '', '') : ''
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c)
const boundary = (doc: PmNode, pos: number) => !isWordChar(charAt(doc, pos - 1)) || !isWordChar(charAt(doc, pos))

/**
 * A pure insertion or deletion can often sit at several places (" review." or ". review" after
 * "reviewers."): slide it to where it covers whole words, preferring one that starts with a space,
 * as Word marks it. Returns the shift to apply to both sides of the change.
 */
function wordShift(doc: PmNode, from: number, to: number): number {
  const score = (k: number) => (boundary(doc, from + k) ? 1 : 0) + (boundary(doc, to + k) ? 1 : 0) + (/\s/.test(charAt(doc, from + k)) ? 0.5 : 0)
  const shifts = [0]
  for (let k = 0; charAt(doc, from + k) && charAt(doc, from + k) === charAt(doc, to + k); k++) shifts.push(k + 1)
  for (let k = 0; charAt(doc, from - k - 1) && charAt(doc, from - k - 1) === charAt(doc, to - k - 1); k++) shifts.push(-k - 1)
  return shifts.reduce((best, k) => (score(k) > score(best) ? k : best), 0)
}

/** Changes with pure insertions and deletions slid onto word boundaries. */
function alignToWords(changes: readonly Change[], a: PmNode, b: PmNode): Array<{ fromA: number, toA: number, fromB: number, toB: number }> {
  return changes.map((c) => {
    const k = c.fromA === c.toA ? wordShift(b, c.fromB, c.toB) : c.fromB === c.toB ? wordShift(a, c.fromA, c.toA) : 0
    return { fromA: c.fromA + k, toA: c.toA + k, fromB: c.fromB + k, toB: c.toB + k }
  })
}

const names = (runs: AuthorRun[]) => [...new Set(runs.map(r => r.author).filter(Boolean))]

/** The difference from `older` to `newer` (either may be missing: a section added or removed). */
export function versionDiff(schema: Schema, older: SideText | null, newer: SideText | null): SectionDiff {
  const a = schema.nodeFromJSON(older?.doc ?? EMPTY)
  const b = schema.nodeFromJSON(newer?.doc ?? EMPTY)
  const step = new ReplaceStep(0, a.content.size, new Slice(b.content, 0, 0))
  // Inside a word, a mix of insertions and deletions reads as the whole word replaced.
  const changes = alignToWords(simplifyChanges(ChangeSet.create(a).addSteps(b, [step.getMap()], null).changes, b), a, b)
  const tr = new Transform(b)
  const diff: SectionDiff = { doc: b, inserted: 0, deleted: 0, insertedBy: [], deletedBy: [] }
  const insertedRuns: AuthorRun[] = []
  const deletedRuns: AuthorRun[] = []
  // From the end, so that what is put back does not move the positions still to come.
  for (const c of [...changes].reverse()) {
    if (c.toB > c.fromB) {
      const runs = runsIn(newer?.authors ?? [], c.fromB, c.toB)
      insertedRuns.push(...runs)
      diff.inserted += c.toB - c.fromB
      for (const r of runs) tryTo(() => tr.addMark(r.from, r.to, mark(schema, 'insertion', r.author)))
    }
    const removed = a.textBetween(c.fromA, c.toA, ' ¶ ', ' ')
    if (removed.trim()) {
      const runs = runsIn(older?.authors ?? [], c.fromA, c.toA)
      deletedRuns.push(...runs)
      diff.deleted += c.toA - c.fromA
      const text = schema.text(removed, [mark(schema, 'deletion', names(runs).join(', '))])
      const inline = tr.doc.resolve(c.fromB).parent.inlineContent
      tryTo(() => tr.insert(c.fromB, inline ? text : schema.nodes.paragraph!.create(null, text)))
    }
  }
  diff.doc = tr.doc
  diff.insertedBy = names(insertedRuns)
  diff.deletedBy = names(deletedRuns)
  return diff
}

function mark(schema: Schema, type: 'insertion' | 'deletion', author: string): Mark {
  return schema.marks[type]!.create({ id: `compare-${type}`, authorName: author })
}

/** A mark or a deleted run that does not fit where it would go (e.g. a table's structure) is left out. */
function tryTo(change: () => void): void {
  try {
    change()
  } catch {
    // The reader still sees every other change of the section.
  }
}
