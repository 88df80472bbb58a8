/**
 * A Word draft's layout (draftLayout.ts) as the report's section records and bodies: template
 * sections keep the record createReport made for them (budget, guidance, articles), a new section
 * gets a plain record; the bodies are written into the seeded Y.Doc before it is stored, so the
 * report's first update already holds the draft.
 */
import type * as Y from 'yjs'
import type { Section } from '#shared/schemas/report'
import { sectionSchema } from '#shared/schemas/report'
import { applyJsonToFragment } from '../../docx/applyJsonToFragment'
import { newId } from '../../utils/newId'
import type { DraftSection } from './draftLayout'

/** The section records in the draft's order; `fromTemplate[i]` is the record of template section i. */
export function draftSections(draft: DraftSection[], fromTemplate: Section[]): Section[] {
  return draft.map(d => d.templateIndex !== null
    ? fromTemplate[d.templateIndex]!
    : sectionSchema.parse({ id: newId(), title: d.title, countsTowardLimit: d.countsTowardLimit }))
}

/** Writes each section's body (validated against the schema first: a bad one throws, nothing half written). */
export function fillDraftBodies(doc: Y.Doc, draft: DraftSection[], sections: Section[]): void {
  draft.forEach((d, i) => {
    if (d.body) applyJsonToFragment(doc, sections[i]!.id, d.body)
  })
}
