/**
 * The follow-up section's body for the Word file: one table, a header row and a row per CO
 * recommendation the report follows up — "CRC/C/AZE/CO/5-6, para. 12(b)" with the Committee's
 * words, the assessment(s), and where in the report (section and paragraph number, "R12" for a
 * recommendation block). Plain ProseMirror JSON of the shared schema, so the exporter's table
 * writer makes it a real Word table like any other.
 */
import type { FollowUpTable } from '#shared/followUp/followUpRows'
import type { PMNode } from '../docx/types'
import type { FollowUpLabels } from './followUpLabels'

const text = (value: string, bold = false): PMNode => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value })
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content: content.filter(c => c.text) })
const cell = (type: 'tableHeader' | 'tableCell', ...paragraphs: PMNode[]): PMNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: paragraphs.length ? paragraphs : [paragraph()] })

/**
 * The section body. `numberOf` gives a linked block's number in the export ("27", "R12") by its
 * refId, or null.
 */
export function followUpTableJson(table: FollowUpTable, symbol: string | null, labels: FollowUpLabels, numberOf: (refId: string | null) => string | null): PMNode {
  if (!table.rows.length) return { type: 'doc', content: [paragraph()] }
  const header: PMNode = { type: 'tableRow', content: [labels.co, labels.assessment, labels.where].map(l => cell('tableHeader', paragraph(text(l)))) }
  const rows = table.rows.map((row): PMNode => {
    const ref = `${symbol ? `${symbol}, ` : ''}${labels.para} ${row.co.ref}`
    const co = cell('tableCell', paragraph(text(ref, true)), paragraph(text(row.co.text)))
    const assessment = cell('tableCell', ...row.statuses.map(s => paragraph(text(labels.status[s]))))
    const where = cell('tableCell', ...row.places.map((place) => {
      const n = numberOf(place.refId)
      const label = n === null ? place.sectionTitle : /^\d/.test(n) ? `${place.sectionTitle}, ${labels.para} ${n}` : `${place.sectionTitle}, ${n}`
      return paragraph(text(label))
    }))
    return { type: 'tableRow', content: [co, assessment, where] }
  })
  return { type: 'doc', content: [{ type: 'table', content: [header, ...rows] }, paragraph()] }
}
