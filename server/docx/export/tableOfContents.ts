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

/**
 * The "Contents" title, the "Page" heading of the page-number column (right-aligned, as UN
 * documents print it) and the TOC field, starting a new page after the cover.
 */
export function tableOfContents(labels: Labels, entries?: TocEntry[]): DocxDesc[] {
  return [
    D.Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, keepNext: true, text: labels.contents }),
    D.Paragraph({ style: STYLE.tocPage, alignment: 'right', keepNext: true, children: [D.TextRun({ text: labels.page, italics: true, size: 18 })] }),
    D.TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-3', ...(entries ? { cachedEntries: entries } : {}) }),
  ]
}
