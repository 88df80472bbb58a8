/**
 * "Import a reviewed Word file": a copy exported from Chorus comes back with Word tracked changes
 * and comments. Each section of the file (found by its title bookmark) is aligned with the same
 * section of the live document by its text (alignText.ts), so every new Word change and comment
 * lands on the words it was made on even if the report changed since the export. New changes
 * arrive as open suggestions of the importer (Word author kept), comments as open threads:
 * nothing is applied without someone deciding. What is already in Chorus (its own suggestions and
 * threads, exported and read back) is recognised and not added twice. A reviewer's accept or
 * reject in Word of a Chorus suggestion is reported, not applied (decide it in Chorus). What cannot
 * be placed is listed, never dropped.
 */
import type * as Y from 'yjs'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { canEditSectionText, type Role } from '#shared/permissions'
import { readSections } from '#shared/reportDoc'
import { BREAK_BLOCKS, DELETION, INSERTION, PARAGRAPH_MARK, SUGGESTED_JOIN, SUGGESTED_SPLIT, encodeParagraphSuggestion, type SuggestionAttrs } from '#shared/editor/suggestionMarks'
import type { PMMark, PMNode } from '../types'
import { alignChars, flatten, insertPoint, runs, textOf, wordChanges, type Char } from './alignText'
import { splitReviewed, type AlignedSections } from './reviewedSections'
import { addImportedThreads, type PlacedComment } from './importedThreads'
import { placeComments, reportDecisions } from './reviewedComments'
import type { ImportResult } from './importDocx'
import type { Importer } from './reviewMarkers'
import { NOT_PLACED_REASONS } from '#shared/importNotices'
import type { NotPlacedReason } from '#shared/importNotices'

/** A reason, in English and as a code. */
const because = (code: NotPlacedReason) => ({ reason: NOT_PLACED_REASONS[code], reasonCode: code })

/** Something of the Word file that was not put into the report, and why. */
export interface NotPlaced {
  kind: 'insertion' | 'deletion' | 'comment'
  section: string
  author: string
  text: string
  /** In English (API clients); `reasonCode` names it for the interface's languages. */
  reason: string
  reasonCode: NotPlacedReason
}

/** A Chorus suggestion that the Word reviewer accepted or rejected (not applied). */
export interface DecidedInWord {
  section: string
  suggestionId: string
  decision: 'accepted' | 'rejected'
  text: string
}

export interface ReviewedImportReport {
  /** New suggestions (tracked changes made in Word) placed. */
  suggestions: number
  /** New threads (Word comments) placed. */
  threads: number
  /** Replies added, to new threads and to threads Chorus already had. */
  replies: number
  sections: string[]
  notPlaced: NotPlaced[]
  decidedInWord: DecidedInWord[]
}

/**
 * Places the reviewed file's changes and comments into `doc` (inside the caller's transaction).
 * `aligned` (from alignReviewed on a copy, off the room's queue) saves the diffs of the sections
 * whose text has not changed since; the others are aligned here.
 */
export function placeReviewed(doc: Y.Doc, file: ImportResult, importer: Importer, role: Role, aligned: AlignedSections = new Map()): ReviewedImportReport {
  const report: ReviewedImportReport = { suggestions: 0, threads: 0, replies: 0, sections: [], notPlaced: [], decidedInWord: [] }
  const live = new Map(readSections(doc).map(s => [s.id, s]))
  const { sections, outside } = splitReviewed(file)
  for (const { sectionId, fileTitle, words, comments } of sections) {
    const section = live.get(sectionId)
    const title = section?.title ?? fileTitle
    if (!section || !canEditSectionText(role, section.status)) {
      const why = because(section ? 'section-final' : 'section-gone')
      for (const change of wordChanges(words)) report.notPlaced.push({ kind: change.kind, section: title, author: change.author, text: change.text, ...why })
      for (const c of comments) report.notPlaced.push({ kind: 'comment', section: title, author: c.author, text: c.text, ...why })
      continue
    }
    const pre = aligned.get(section.id)
    // Nothing in the file and nothing pending here (checked on the copy): no need to compare again.
    if (pre?.idle) continue
    placeSection(doc, section.id, title, words, comments as PlacedComment[], importer, report, pre)
  }
  // Comments outside every section (cover, contents) have no section to go to.
  for (const c of outside) report.notPlaced.push({ kind: 'comment', section: '', author: c.author, text: c.text, ...because('off-text') })
  return report
}

function placeSection(doc: Y.Doc, sectionId: string, title: string, words: Char[], comments: PlacedComment[], importer: Importer, report: ReviewedImportReport, pre?: { text: string, map: Int32Array | null }): void {
  const schema = chorusSchema()
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema)
  const liveChars = flatten((pm.toJSON() as PMNode).content ?? [])
  const map = pre && pre.text === textOf(liveChars) ? pre.map : alignChars(liveChars, words)
  const notPlaced = (kind: NotPlaced['kind'], author: string, text: string, code: NotPlacedReason) => report.notPlaced.push({ kind, section: title, author, text, ...because(code) })
  if (!map) {
    for (const change of wordChanges(words)) notPlaced(change.kind, change.author, change.text, 'changed-too-much')
    for (const c of comments) notPlaced('comment', c.author, c.text, 'changed-too-much')
    return
  }
  const tr = new Transform(pm)
  // Text to insert, or (`split`) a paragraph break Word inserted: the block splits there.
  const inserts: Array<{ at: number, text: string, marks: PMMark[], split?: SuggestionAttrs }> = []
  // Deletions proposed in Word: mark the live characters they cover.
  const byDeletion = new Map<string, number[]>()
  words.forEach((c, i) => c.del && !c.ins && byDeletion.set(c.del.id, [...(byDeletion.get(c.del.id) ?? []), i]))
  for (const idx of byDeletion.values()) {
    const attrs = words[idx[0]!]!.del!
    // A paragraph mark deleted in Word: the live paragraph after it gets the suggested join.
    if (idx.every(i => words[i]!.ch === '\n')) {
      for (const i of idx) {
        const live = map[i]! >= 0 ? liveChars[map[i]!] : undefined
        if (live?.block !== undefined && live.block > 0 && !live.del) {
          tr.setNodeAttribute(live.block, SUGGESTED_JOIN, encodeParagraphSuggestion(attrs))
          report.suggestions++
        } else {
          notPlaced('deletion', attrs.wordAuthor ?? '', PARAGRAPH_MARK, 'text-gone')
        }
      }
      continue
    }
    const targets = idx.map(i => map[i]!).filter(j => j >= 0 && !liveChars[j]!.del && liveChars[j]!.pos >= 0)
    const missing = idx.some(i => map[i]! < 0 && words[i]!.ch.trim())
    if (targets.length && !missing) report.suggestions++
    // Only whole: a deletion of words partly gone from the report is listed, not half applied.
    if (missing) notPlaced('deletion', attrs.wordAuthor ?? '', idx.map(i => words[i]!.ch).join(''), 'text-gone')
    else for (const [a, b] of runs(targets)) tr.addMark(liveChars[a]!.pos, liveChars[b]!.pos + 1, schema.marks[DELETION]!.create(attrs))
  }
  // Insertions proposed in Word: text not in the live section, put where its neighbours are.
  const byInsertion = new Map<string, number[]>()
  words.forEach((c, i) => c.ins && !c.del && map[i]! < 0 && byInsertion.set(c.ins.id, [...(byInsertion.get(c.ins.id) ?? []), i]))
  for (const idx of byInsertion.values()) {
    const attrs = words[idx[0]!]!.ins!
    if (idx.every(i => words[i]!.ch === '\n')) {
      for (const [a, b] of runs(idx)) {
        const at = insertPoint(a, b, map, liveChars)
        const $at = at === null ? null : tr.doc.resolve(at)
        if ($at && $at.depth === 1 && BREAK_BLOCKS.includes($at.parent.type.name)) inserts.push({ at: at!, text: '', marks: [], split: attrs })
        else notPlaced('insertion', attrs.wordAuthor ?? '', PARAGRAPH_MARK, 'no-context')
      }
      if (inserts.some(x => x.split === attrs)) report.suggestions++
      continue
    }
    let placed = false
    for (const [a, b] of runs(idx)) {
      const text = words.slice(a, b + 1).map(c => c.ch).join('').replace(/\n/g, ' ')
      const at = insertPoint(a, b, map, liveChars)
      if (at === null) notPlaced('insertion', attrs.wordAuthor ?? '', text, 'no-context')
      else inserts.push({ at, text, marks: [...(words[a]!.marks ?? []), { type: INSERTION, attrs: { ...attrs } }] })
      placed ||= at !== null
    }
    if (placed) report.suggestions++
  }
  for (const ins of inserts.sort((x, y) => y.at - x.at)) {
    if (ins.split) {
      const block = tr.doc.resolve(ins.at).parent
      tr.split(ins.at, 1, [{ type: block.type, attrs: { ...block.attrs, [SUGGESTED_SPLIT]: encodeParagraphSuggestion(ins.split), [SUGGESTED_JOIN]: null } }])
    } else {
      tr.insert(ins.at, schema.text(ins.text, ins.marks.map(m => schema.markFromJSON(m))))
    }
  }
  reportDecisions(sectionId, liveChars, words, map, report)
  const placed = placeComments(doc, sectionId, words, comments, map, liveChars, tr, importer, report, notPlaced)
  if (tr.docChanged) updateYFragment(doc, fragment, tr.doc, meta)
  report.threads += addImportedThreads(doc, sectionId, placed, importer).length
  report.replies += placed.reduce((n, c) => n + c.replies.length, 0)
  report.sections.push(sectionId)
}
