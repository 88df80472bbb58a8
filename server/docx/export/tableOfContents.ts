/**
 * The table of contents: Word's TOC field over Heading 1–3, written with its entries already in
 * the field result (docx fills them from the headings, each linked to a bookmark on its heading),
 * so it is never empty in applications that do not update fields; Word refreshes it on opening
 * because the document asks for `updateFields`.
 */
import { Paragraph, TableOfContents } from 'docx'
import { STYLE } from './styles'
import type { Labels } from './labels'

/** The "Contents" title and the TOC field, starting a new page after the cover. */
export function tableOfContents(labels: Labels): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, text: labels.contents }),
    new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-3' }),
  ]
}
