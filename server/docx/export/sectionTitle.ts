/** A section title → Heading 1, carrying the comments whose text was removed from the section. */
import { D, type DocxDesc } from './docxDesc'

/**
 * The Heading 1 of a section; `orphanCommentIds` are wrapped around the title text, and
 * `bookmark` (when the table of contents is written by us) names it for its TOC entry.
 */
export function sectionTitle(title: string, pageBreakBefore: boolean, orphanCommentIds: number[] = [], bookmark?: string): DocxDesc {
  const text = D.TextRun(title.trim() || '—')
  const children: DocxDesc[] = [
    ...orphanCommentIds.map(id => D.CommentRangeStart(id)),
    bookmark ? D.Bookmark({ id: bookmark, children: [text] }) : text,
    ...orphanCommentIds.flatMap(id => [D.CommentRangeEnd(id), D.TextRun({ children: [D.CommentReference(id)] })]),
  ]
  return D.Paragraph({ heading: 'Heading1', pageBreakBefore, children })
}
