/**
 * Reading and writing the structured roots of a report's Y.Doc (`meta`, `sections`) as plain
 * data. Used by the server (seeding, summaries, HTTP edits) and by the browser (outline).
 */
import * as Y from 'yjs'
import { COMMENTS, META, SECTIONS, sectionFragmentName } from './docNames'
import { reportMetaSchema, sectionSchema } from './schemas/report'
import type { ReportMeta, Section } from './schemas/report'
import type { ReportSummary } from './types/report'
import { countFragmentWords } from './wordCount'

/** The `meta` root as validated data (defaults fill anything missing). */
export function readMeta(doc: Y.Doc): ReportMeta {
  const raw = doc.getMap(META).toJSON()
  const parsed = reportMetaSchema.safeParse({ title: 'Untitled report', ...raw })
  return parsed.success ? parsed.data : reportMetaSchema.parse({ title: String(raw.title || 'Untitled report') })
}

/** Set metadata fields. */
export function writeMeta(doc: Y.Doc, patch: Partial<ReportMeta>): void {
  const meta = doc.getMap(META)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      meta.set(key, Array.isArray(value) ? [...value] : value)
    }
  })
}

/** The `sections` root as plain data, in order; malformed entries are skipped. */
export function readSections(doc: Y.Doc): Section[] {
  const out: Section[] = []
  for (const entry of doc.getArray<Y.Map<unknown>>(SECTIONS).toArray()) {
    if (!(entry instanceof Y.Map)) continue
    const parsed = sectionSchema.safeParse(entry.toJSON())
    if (parsed.success) out.push(parsed.data)
  }
  return out
}

/** A Y.Map for a new section entry. */
export function sectionMap(section: Section): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(section)) map.set(key, Array.isArray(value) ? [...value] : value)
  return map
}

/** The index and Y.Map of a section by id. */
export function findSectionMap(doc: Y.Doc, sectionId: string): { index: number, map: Y.Map<unknown> } | null {
  const arr = doc.getArray<Y.Map<unknown>>(SECTIONS).toArray()
  const index = arr.findIndex(m => m instanceof Y.Map && m.get('id') === sectionId)
  return index < 0 ? null : { index, map: arr[index]! }
}

/** Words per section and in total (sections that count toward the limit). */
export function summarize(doc: Y.Doc): ReportSummary {
  const meta = readMeta(doc)
  const sections = readSections(doc).map(s => ({
    id: s.id,
    title: s.title,
    status: s.status,
    ownerId: s.ownerId,
    words: countFragmentWords(doc.getXmlFragment(sectionFragmentName(s.id))),
    wordBudget: s.wordBudget,
    countsTowardLimit: s.countsTowardLimit,
    articles: s.articles,
    guidance: s.guidance,
  }))
  const totalWords = sections.filter(s => s.countsTowardLimit).reduce((n, s) => n + s.words, 0)
  return { meta, sections, totalWords }
}

/** Seed a fresh report document: meta, sections and the (empty) comments map. */
export function seedDoc(doc: Y.Doc, meta: ReportMeta, sections: Section[]): void {
  doc.transact(() => {
    writeMeta(doc, meta)
    doc.getArray(SECTIONS).push(sections.map(sectionMap))
    doc.getMap(COMMENTS)
  })
}
