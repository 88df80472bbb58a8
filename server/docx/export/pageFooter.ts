/** The footer: the page number (docx's PageNumber.CURRENT), centred; the cover page has none. */
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
