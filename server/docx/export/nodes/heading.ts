/** `heading` (levels 2–4 in a section) → Word Heading 2–3; level 4 becomes Heading 3 (the TOC lists 1–3). */
import { D, type DocxDesc } from '../docxDesc'
import { renderInline } from '../inline'
import { tocBookmark, wordHeadingLevel } from '../tocEntries'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders a heading node at position `pos` of the section doc. */
export function renderHeading(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const runs = renderInline(node.content, pos + 1, ctx, env)
  return [D.Paragraph({
    heading: wordHeadingLevel(node.attrs?.level) === 2 ? 'Heading2' : 'Heading3',
    children: ctx.tocBookmarks && !env.inFootnote ? [D.Bookmark({ id: tocBookmark(ctx.sectionIndex, pos), children: runs })] : runs,
  })]
}
