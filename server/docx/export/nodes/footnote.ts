/** A `footnote` node → the paragraphs of a Word footnote (style Footnote Text, links and emphasis kept). */
import { D, type DocxDesc } from '../docxDesc'
import { renderInline } from '../inline'
import { plainText } from '../positions'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

const FOOTNOTE_ENV: BlockEnv = { top: false, depth: 0, inFootnote: true, inTable: false, style: 'FootnoteText' }

/** The paragraphs of a footnote (one empty paragraph when the note is missing or empty). */
export function renderFootnote(note: PMNode | undefined, ctx: RenderContext): DocxDesc[] {
  const paragraphs: DocxDesc[] = []
  for (const block of note?.content ?? []) {
    if (block.type === 'paragraph') {
      // Positions do not matter here: comment markers are never placed in notes.
      const runs = renderInline(block.content, 0, ctx, FOOTNOTE_ENV)
      // Word puts the note number first; a tab takes the text to the hanging indent.
      if (!paragraphs.length) runs.unshift(D.TextRun({ children: [D.Tab()] }))
      paragraphs.push(D.Paragraph({ style: 'FootnoteText', children: runs }))
    } else {
      ctx.warn(`Unsupported block “${block.type}” in a footnote exported as plain text`)
      paragraphs.push(D.Paragraph({ style: 'FootnoteText', children: [D.TextRun(plainText(block))] }))
    }
  }
  return paragraphs.length ? paragraphs : [D.Paragraph({ style: 'FootnoteText', children: [D.TextRun({ children: [D.Tab()] })] })]
}
