/**
 * Tracked changes ("suggestions") for test reports, written the way the app stores them: the
 * shared schema's `insertion` / `deletion` marks applied by a ProseMirror transform on the section
 * and written back with y-tiptap's updateYFragment (as server/docx/applyJsonToFragment.ts does), so
 * the Y.XmlText carries the same format attributes the editor writes.
 */
import type * as Y from 'yjs'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { DELETION, INSERTION, type SuggestionAttrs } from '../../shared/editor/suggestionMarks'
import { newSuggestionId } from '../../shared/editor/newSuggestionId'
import { positionOf } from './sampleComments'

/** Who suggests, and when. */
export interface SampleSuggester {
  author: { id: string, name: string }
  now?: number
  wordAuthor?: string | null
}

function attrsOf(s: SampleSuggester): SuggestionAttrs {
  return { id: newSuggestionId(), authorId: s.author.id, authorName: s.author.name, createdAt: s.now ?? Date.now(), wordAuthor: s.wordAuthor ?? null }
}

function change(doc: Y.Doc, sectionId: string, edit: (tr: Transform) => void): void {
  const schema = chorusSchema()
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema)
  const tr = new Transform(pm)
  edit(tr)
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}

/** Marks the first occurrence of `quote` in a section as suggested for deletion; returns the suggestion id. */
export function suggestDeletion(doc: Y.Doc, sectionId: string, quote: string, s: SampleSuggester): string {
  const from = positionOf(doc, sectionId, quote)
  const attrs = attrsOf(s)
  change(doc, sectionId, tr => tr.addMark(from, from + quote.length, chorusSchema().marks[DELETION]!.create(attrs)))
  return attrs.id
}

/** Suggests inserting `text` right after the first occurrence of `after` in a section; returns the suggestion id. */
export function suggestInsertion(doc: Y.Doc, sectionId: string, after: string, text: string, s: SampleSuggester): string {
  const at = positionOf(doc, sectionId, after) + after.length
  const attrs = attrsOf(s)
  change(doc, sectionId, (tr) => {
    const $at = tr.doc.resolve(at)
    const marks = $at.marks().filter(m => m.type.name !== INSERTION && m.type.name !== DELETION)
    tr.insert(at, chorusSchema().text(text, [...marks, chorusSchema().marks[INSERTION]!.create(attrs)]))
  })
  return attrs.id
}
