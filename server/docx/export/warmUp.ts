/**
 * Warm-up of the exporter, run once when the server starts (server/plugins/docxWarmUp.ts), so the
 * first export a person asks for is not the slow one. The first export in a process pays for
 * starting the packing worker, loading docx (1 MB of ESM) and docx/layout (1.7 MB, whose font width
 * tables are decoded on first use) in it, compiling the packing and page-estimating code, building
 * the editor schema and ICU's date formats: measured 3× the later exports (bench/first-export.mjs).
 * Exporting one small report through the same path pays all of that ahead.
 */
import { chorusSchema } from '#shared/editor/extensions'
import { LANGUAGES } from '#shared/schemas/report'
import { formatDate } from './coverPage'
import { exportDocx } from './exportDocx'
import { labelsFor } from './labels'
import type { ExportInput, PMNode } from '../types'

const text = (t: string, marks: string[] = []): PMNode => (marks.length ? { type: 'text', text: t, marks: marks.map(type => ({ type })) } : { type: 'text', text: t })
const para = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })

/** A small report with every kind of content the exporter writes (laid-out TOC, notes, list, table). */
function warmUpReport(): ExportInput {
  const body: PMNode = { type: 'doc', content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('A. Warm-up')] },
    para(text('Plain, '), text('bold', ['bold']), text(', '), text('italic', ['italic']), text(' and '), text('2', ['superscript']), text('.'), { type: 'footnoteReference', attrs: { id: 'w1' } }),
    { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('An item'))] }] },
    { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [para(text('A step'))] }] },
    { type: 'table', content: [{ type: 'tableRow', content: [
      { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text('Year'))] },
      { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text('2026'))] },
    ] }] },
    { type: 'pageBreak' },
    para(text('Кириллица и latın hərfləri.')),
    { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'w1' }, content: [para(text('A source.'))] }] },
  ] }
  return {
    meta: {
      title: 'Warm-up', stateParty: 'State', treatyBody: 'Committee', session: 'Session', coalition: 'Coalition', members: ['Member'],
      contact: 'Contact', confidentiality: 'confidential', language: 'en', deadline: '', submissionDate: '', wordLimit: null, numberedParagraphs: true, templateId: 'blank',
    },
    sections: [{ id: 'warm-up', title: 'Warm-up', countsTowardLimit: true, content: body }],
    comments: [],
  }
}

let warming: Promise<void> | null = null

/** Warms the exporter up (once per process; later calls return the same promise). */
export function warmUpExport(): Promise<void> {
  warming ??= (async () => {
    chorusSchema()
    for (const language of LANGUAGES) formatDate(new Date(), labelsFor(language).locale)
    await exportDocx(warmUpReport(), { tocPageNumbers: true })
  })()
  return warming
}
