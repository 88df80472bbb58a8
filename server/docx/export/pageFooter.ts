/**
 * The footer: the page number (docx's PageNumber.CURRENT), centred; the cover page has none.
 * The header: of a confidential report, a confidentiality line on every page, the cover's too.
 */
import { D, type DocxDesc } from './docxDesc'

/** The footer of every page after the cover. */
export function pageFooter(): DocxDesc {
  return D.Footer({
    children: [D.Paragraph({ alignment: 'center', children: [D.TextRun({ children: ['CURRENT'], size: 20 })] })],
  })
}

/** The cover page's empty footer. */
export function emptyFooter(): DocxDesc {
  return D.Footer({ children: [D.Paragraph({})] })
}

/** The header of every page of a confidential report: one small line, right-aligned, in red. */
export function confidentialHeader(text: string): DocxDesc {
  return D.Header({
    children: [D.Paragraph({ alignment: 'right', children: [D.TextRun({ text, size: 18, bold: true, color: 'C00000', allCaps: true })] })],
  })
}
