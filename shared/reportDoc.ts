/**
 * Reading and writing the structured roots of a report's Y.Doc (`meta`, `sections`) as plain
 * data: the one reader of each shape, used by the server (seeding, summaries, HTTP edits, DOCX
 * export) and by the browser (outline).
 */
import * as Y from 'yjs'
import type { z } from 'zod'
import { COMMENTS, META, SECTIONS, sectionFragmentName } from './docNames'
import { reportMetaSchema, sectionSchema } from './schemas/report'
import type { ReportMeta, Section } from './schemas/report'
import type { ReportSummary } from './types/report'
import { countFragmentWords } from './wordCount'
import { generatedWords } from './generatedWords'
import { recommendationBlockWords } from './recommendationBlockWords'

/**
 * The values of `raw` for each field of `shape`; a field that does not validate takes its default
 * (undefined when it has none). One odd field must not hide the rest: the outline, the summaries
 * and the DOCX export all read through here.
 */
function fieldByField(shape: Record<string, z.ZodType>, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse(raw[key])
    out[key] = parsed.success ? parsed.data : field.safeParse(undefined).data
  }
  return out
}

/** The `meta` root as validated data: fields missing or invalid take their defaults. */
export function readMeta(doc: Y.Doc): ReportMeta {
  const raw = doc.getMap(META).toJSON()
  const parsed = reportMetaSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const meta = fieldByField(reportMetaSchema.shape, raw) as ReportMeta
  meta.title ||= 'Untitled report'
  return meta
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

/**
 * The `sections` root as plain data, in order. Fields missing or invalid take their defaults; an
 * entry without a valid id is skipped (its body could not be found anyway).
 */
export function readSections(doc: Y.Doc): Section[] {
  const out: Section[] = []
  for (const entry of doc.getArray<Y.Map<unknown>>(SECTIONS).toArray()) {
    if (!(entry instanceof Y.Map)) continue
    const raw = entry.toJSON()
    const parsed = sectionSchema.safeParse(raw)
    if (parsed.success) {
      out.push(parsed.data)
    } else if (sectionSchema.shape.id.safeParse(raw.id).success) {
      const section = fieldByField(sectionSchema.shape, raw) as Section
      section.title ||= 'Untitled section'
      out.push(section)
    }
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
    generated: s.generated,
    priorityList: s.priorityList,
  }))
  // The generated lists repeat blocks in the submitted document: their words count where they are shown.
  const all = readSections(doc)
  const blocks = all.filter(s => !s.generated).flatMap(s => recommendationBlockWords(doc.getXmlFragment(sectionFragmentName(s.id))))
  const extra = generatedWords(all, blocks)
  for (const s of sections) s.words += extra[s.id] ?? 0
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
