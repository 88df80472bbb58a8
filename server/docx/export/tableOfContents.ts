/**
 * The table of contents: Word's TOC field over Heading 1–3, written with its entries already in
 * the field result, each linked to a bookmark on its heading, so it is never empty in applications
 * that do not update fields; Word refreshes it on opening because the document asks for
 * `updateFields`. Given no entries, docx fills them from the headings itself, which it must when
 * the page numbers are laid out (its estimator writes them into its own entries).
 */
import { D, type DocxDesc, type TocEntry } from './docxDesc'
import { STYLE } from './styles'
import type { Labels } from './labels'

/** The "Contents" title and the TOC field, starting a new page after the cover. */
export function tableOfContents(labels: Labels, entries?: TocEntry[]): DocxDesc[] {
  return [
    D.Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, text: labels.contents }),
    D.TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-3', ...(entries ? { cachedEntries: entries } : {}) }),
  ]
}
