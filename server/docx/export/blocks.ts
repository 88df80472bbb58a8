/**
 * The node map of the exporter: one renderer per block node type. A type missing from the map is
 * written as plain text with a warning (`renderUnknownBlock`), so one odd node never fails an export.
 */
import type { DocxDesc } from './docxDesc'
import { nodeSize } from './positions'
import { renderBlockquote } from './nodes/blockquote'
import { renderHeading } from './nodes/heading'
import { renderList } from './nodes/list'
import { renderParagraph } from './nodes/paragraph'
import { renderTable } from './nodes/table'
import { renderUnknownBlock } from './nodes/unknownBlock'
import type { BlockEnv, RenderContext } from './renderContext'
import type { PMNode } from '../types'

/** What a block becomes in Word: a described paragraph or table. */
export type DocxBlock = DocxDesc

/** Renders one block node that starts at `pos` in the section doc. */
export type BlockRenderer = (node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv) => DocxBlock[]

/** Block renderers keyed by ProseMirror node type. */
export const blockRenderers: Record<string, BlockRenderer> = {
  paragraph: renderParagraph,
  heading: renderHeading,
  bulletList: renderList,
  orderedList: renderList,
  blockquote: renderBlockquote,
  table: renderTable,
  // Notes are written where they are referenced (footnoteReference), not where the list sits.
  footnotes: () => [],
}

/** Renders block nodes that follow each other from position `start` of the section doc. */
export function renderBlocks(nodes: PMNode[] | undefined, start: number, ctx: RenderContext, env: BlockEnv): DocxBlock[] {
  const out: DocxBlock[] = []
  let pos = start
  for (const node of nodes ?? []) {
    const render = Object.hasOwn(blockRenderers, node.type) ? blockRenderers[node.type]! : renderUnknownBlock
    out.push(...render(node, pos, ctx, env))
    pos += nodeSize(node)
  }
  return out
}
