/** The footer: the page number, centred (the cover page has none). */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx'

/** The footer of every page after the cover. */
export function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })] })],
  })
}

/** The cover page's empty footer. */
export function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({})] })
}
