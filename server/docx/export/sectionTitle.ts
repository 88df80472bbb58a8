/** A section title → Heading 1, carrying the comments whose text was removed from the section. */
import { CommentRangeEnd, CommentRangeStart, CommentReference, HeadingLevel, Paragraph, TextRun } from 'docx'
import type { ParagraphChild } from 'docx'

/** The Heading 1 of a section; `orphanCommentIds` are wrapped around the title text. */
export function sectionTitle(title: string, pageBreakBefore: boolean, orphanCommentIds: number[] = []): Paragraph {
  const children: ParagraphChild[] = [
    ...orphanCommentIds.map(id => new CommentRangeStart(id)),
    new TextRun(title.trim() || '—'),
    ...orphanCommentIds.flatMap(id => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
  ]
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children })
}
