/** `blockquote` → its blocks in the indented Quote style, never numbered. */
import { renderBlocks } from '../blocks'
import { STYLE } from '../styles'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { DocxBlock } from '../blocks'
import type { PMNode } from '../../types'

/** Renders a blockquote node at position `pos` of the section doc. */
export function renderBlockquote(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxBlock[] {
  return renderBlocks(node.content, pos + 1, ctx, { ...env, top: false, style: env.inTable ? env.style : STYLE.quote })
}
