/**
 * The new report's sections from a plan and the person's targets: the template's sections in
 * their order, each filled with the parts sent to it (a second part sent to the same section keeps
 * its heading, as a level-2 heading); a part sent to "new" becomes a section of its own, placed
 * after the section the part before it went to, so the draft's order is kept; "skip" leaves a
 * part out. A blank template's placeholder section is dropped when the draft fills others.
 */
import type { ImportTarget } from '#shared/schemas/reportImport'
import type { ReportLanguage } from '#shared/schemas/report'
import type { ReportTemplate } from '#shared/schemas/template'
import type { PMNode } from '../../docx/types'
import type { PlannedPart } from './planReportImport'

/** One section of the new report: from the template (its index) or new, with its body. */
export interface DraftSection {
  templateIndex: number | null
  title: string
  countsTowardLimit: boolean
  body: PMNode | null
}

/** The title of a new section made of the text before the first heading. */
const FRONT_TITLE: Record<ReportLanguage, string> = { en: 'Introduction', fr: 'Introduction', es: 'Introducción', ru: 'Введение', az: 'Giriş' }
/** An annex of the draft does not count toward the word limit, as the template's annexes do not. */
const ANNEX = /^\s*(?:annex|annexe|anexo|приложени|əlavə)/iu

/** The sections, in order; `targets[i]` is where `parts[i]` goes. */
export function draftLayout(template: ReportTemplate, parts: PlannedPart[], targets: ImportTarget[], language: ReportLanguage): DraftSection[] {
  const layout: DraftSection[] = template.sections.map((s, i) => ({ templateIndex: i, title: s.title, countsTowardLimit: s.countsTowardLimit, body: null }))
  let cursor = -1
  parts.forEach((part, i) => {
    const target = targets[i] ?? part.target
    if (target === 'skip') return
    if (target === 'new') {
      const title = (part.title || FRONT_TITLE[language]).slice(0, 300)
      layout.splice(cursor + 1, 0, { templateIndex: null, title, countsTowardLimit: !ANNEX.test(title), body: part.body })
      cursor += 1
      return
    }
    const key = target.slice('section:'.length)
    const at = layout.findIndex(s => s.templateIndex !== null && template.sections[s.templateIndex]!.key === key)
    if (at < 0) return
    const entry = layout[at]!
    entry.body = entry.body ? appendBody(entry.body, part) : part.body
    cursor = at
  })
  if (template.sections.length === 1 && layout.length > 1) return layout.filter(s => s.templateIndex === null || s.body)
  return layout
}

/** `body` followed by `part` under its own heading; the notes of both in one list at the end. */
function appendBody(body: PMNode, part: PlannedPart): PMNode {
  const split = (doc: PMNode) => ({
    blocks: (doc.content ?? []).filter(b => b.type !== 'footnotes'),
    notes: doc.content?.find(b => b.type === 'footnotes')?.content ?? [],
  })
  const a = split(body)
  const b = split(part.body)
  const heading: PMNode[] = part.title ? [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: part.title }] }] : []
  const notes = [...a.notes, ...b.notes]
  return { type: 'doc', content: [...a.blocks, ...heading, ...b.blocks, ...(notes.length ? [{ type: 'footnotes', content: notes }] : [])] }
}
