/** `heading` (levels 2–4 in a section) → Word Heading 2–3; level 4 becomes Heading 3 (the TOC lists 1–3). */
import { HeadingLevel, Paragraph } from 'docx'
import { renderInline } from '../inline'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders a heading node at position `pos` of the section doc. */
export function renderHeading(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): Paragraph[] {
  const level = Number(node.attrs?.level ?? 2)
  return [new Paragraph({
    heading: level <= 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    children: renderInline(node.content, pos + 1, ctx, env),
  })]
}
