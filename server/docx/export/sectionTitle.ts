/** A section title → Heading 1, carrying the comments whose text was removed from the section. */
import { D, type DocxDesc } from './docxDesc'

/**
 * The hidden bookmark naming the k-th exported section (its id is the k-th entry of the document's
 * `ChorusSections` custom property): a reviewed copy imported back finds each section by it.
 */
export function sectionBookmark(k: number): string {
  return `_Chorus_s${k}`
}

/**
 * The Heading 1 of a section; `orphanCommentIds` are wrapped around the title text, and
 * `bookmark` (when the table of contents is written by us) names it for its TOC entry; `index`
 * (its place in the export) gives it the section bookmark.
 */
export function sectionTitle(title: string, pageBreakBefore: boolean, orphanCommentIds: number[] = [], bookmark: string | undefined, index: number): DocxDesc {
  const text = D.TextRun(title.trim() || '—')
  const named = D.Bookmark({ id: sectionBookmark(index), children: [bookmark ? D.Bookmark({ id: bookmark, children: [text] }) : text] })
  const children: DocxDesc[] = [
    ...orphanCommentIds.map(id => D.CommentRangeStart(id)),
    named,
    ...orphanCommentIds.flatMap(id => [D.CommentRangeEnd(id), D.TextRun({ children: [D.CommentReference(id)] })]),
  ]
  return D.Paragraph({ heading: 'Heading1', pageBreakBefore, children })
}
