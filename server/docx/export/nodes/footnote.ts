/** A `footnote` node → the paragraphs of a Word footnote (style Footnote Text, links and emphasis kept). */
import { Paragraph, TextRun } from 'docx'
import { renderInline } from '../inline'
import { plainText } from '../positions'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

const FOOTNOTE_ENV: BlockEnv = { top: false, depth: 0, inFootnote: true, inTable: false, style: 'FootnoteText' }

/** The paragraphs of a footnote (one empty paragraph when the note is missing or empty). */
export function renderFootnote(note: PMNode | undefined, ctx: RenderContext): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const block of note?.content ?? []) {
    if (block.type === 'paragraph') {
      // Positions do not matter here: comment markers are never placed in notes.
      paragraphs.push(new Paragraph({ style: 'FootnoteText', children: renderInline(block.content, 0, ctx, FOOTNOTE_ENV) }))
    } else {
      ctx.warn(`Unsupported block “${block.type}” in a footnote exported as plain text`)
      paragraphs.push(new Paragraph({ style: 'FootnoteText', children: [new TextRun(plainText(block))] }))
    }
  }
  return paragraphs.length ? paragraphs : [new Paragraph({ style: 'FootnoteText' })]
}
