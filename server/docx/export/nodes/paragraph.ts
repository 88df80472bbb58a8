/** `paragraph` → a Word paragraph; a non-empty top-level one in a numbered section gets the next paragraph number. */
import { D, type DocxDesc } from '../docxDesc'
import { renderInline } from '../inline'
import { PARAGRAPH_NUMBERING } from '../numbering'
import { bookmarkTarget } from '../crossReferences'
import { paragraphGetsNumber } from '#shared/reportNumbering'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders a paragraph node at position `pos` of the section doc. */
export function renderParagraph(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  // A cross-reference's target: Word finds its paragraph number through a bookmark inside it.
  const children = bookmarkTarget(ctx, node, renderInline(node.content, pos + 1, ctx, env))
  // The numbering the editor shows and cross-references cite applies the same rule.
  const numbered = paragraphGetsNumber(node.type, env.top, ctx.numberParagraphs, node.content?.length ?? 0)
  return [D.Paragraph({
    children,
    style: env.style,
    numbering: numbered ? { reference: PARAGRAPH_NUMBERING, level: 0 } : undefined,
    indent: env.indent !== undefined ? { left: env.indent } : undefined,
  })]
}
