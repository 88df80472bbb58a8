/**
 * The cover page from the report's meta: what the Committee's secretariat looks for first (treaty
 * body and session, State party, who submits, whom to contact, when, and whether it may be
 * published). Empty fields are left out rather than printed as blank labels.
 */
import type { ReportMeta } from '#shared/schemas/report'
import { D, type DocxDesc } from './docxDesc'
import { STYLE } from './styles'
import type { Labels } from './labels'
import { treatyBodyName } from './treatyBodyName'

/** Members listed one per line up to this many; more are run together on one line. */
const MEMBERS_PER_LINE_MAX = 12

/** The cover page paragraphs (the table of contents that follows starts a new page). */
export function coverPage(meta: ReportMeta, labels: Labels, date: Date): DocxDesc[] {
  const out: DocxDesc[] = []
  if (meta.confidentiality === 'confidential') {
    out.push(D.Paragraph({
      style: STYLE.coverMark,
      alignment: 'right',
      border: { top: rule(12), bottom: rule(12), left: rule(12), right: rule(12) },
      indent: { left: 6800 },
      children: [D.TextRun({ text: labels.confidential.toLocaleUpperCase(labels.locale), bold: true, color: 'C00000', characterSpacing: 20 })],
    }))
  }
  out.push(D.Paragraph({ style: STYLE.coverKicker, text: treatyBodyName(meta.treatyBody, meta.language) || labels.alternativeReport }))
  if (meta.session) out.push(D.Paragraph({ style: STYLE.coverSubtitle, text: meta.session }))
  out.push(D.Paragraph({
    style: STYLE.coverTitle,
    border: { bottom: { style: 'single', size: 8, color: '000000', space: 12 } },
    indent: { left: 1134, right: 1134 },
    text: meta.title,
  }))
  if (meta.stateParty) {
    out.push(D.Paragraph({ style: STYLE.coverSubtitle, children: [D.TextRun(`${labels.stateParty}: `), D.TextRun({ text: meta.stateParty, bold: true })] }))
  }
  if (meta.coalition) labelled(out, labels.submittedBy, [D.Paragraph({ style: STYLE.coverText, children: [D.TextRun({ text: meta.coalition, bold: true })] })])
  if (meta.members.length) {
    const lines = meta.members.length <= MEMBERS_PER_LINE_MAX ? meta.members : [meta.members.join(' · ')]
    labelled(out, labels.members, lines.map(text => D.Paragraph({ style: STYLE.coverText, text })))
  }
  if (meta.contact) labelled(out, labels.contact, [D.Paragraph({ style: STYLE.coverText, text: meta.contact })])
  labelled(out, labels.date, [D.Paragraph({ style: STYLE.coverText, text: formatDate(date, labels.locale) })])
  out.push(D.Paragraph({
    style: STYLE.coverStatement,
    text: meta.confidentiality === 'confidential' ? labels.confidentialStatement : labels.publicStatement,
  }))
  return out
}

function labelled(out: DocxDesc[], label: string, body: DocxDesc[]): void {
  out.push(D.Paragraph({ style: STYLE.coverLabel, text: label }), ...body)
}

function rule(size: number) {
  return { style: 'single' as const, size, color: 'C00000', space: 4 }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** "1 March 2027" / "1 mars 2027" / "1 de marzo de 2027" / "1 марта 2027 г." / "1 mart 2027", as UN documents write dates. */
export function formatDate(date: Date, locale: string): string {
  // Building a DateTimeFormat loads ICU data (tens of ms): one per locale per process.
  let format = dateFormats.get(locale)
  if (!format) dateFormats.set(locale, format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
  return format.format(date)
}
