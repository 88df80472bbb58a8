/**
 * The node map of the exporter: one renderer per block node type. A type missing from the map is
 * written as plain text with a warning (`renderUnknownBlock`), so one odd node never fails an export.
 */
import { D, type DocxDesc } from './docxDesc'
import { nodeSize } from './positions'
import { renderBlockquote } from './nodes/blockquote'
import { renderFigure } from './nodes/figure'
import { renderHeading } from './nodes/heading'
import { renderList } from './nodes/list'
import { renderParagraph } from './nodes/paragraph'
import { renderRecommendation } from './nodes/recommendation'
import { renderTable } from './nodes/table'
import { renderUnknownBlock } from './nodes/unknownBlock'
import { breakChange } from './trackedChanges'
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
  recommendation: renderRecommendation,
  figure: renderFigure,
  // Notes are written where they are referenced (footnoteReference), not where the list sits.
  footnotes: () => [],
}

/**
 * Renders block nodes that follow each other from position `start` of the section doc.
 * A `pageBreak` becomes "page break before" on the paragraph that follows it (no empty line at the
 * top of the new page); before a table, or at the end, it is a paragraph holding a page break.
 */
export function renderBlocks(nodes: PMNode[] | undefined, start: number, ctx: RenderContext, env: BlockEnv): DocxBlock[] {
  const out: DocxBlock[] = []
  let pos = start
  let pageBreak = false
  for (const node of nodes ?? []) {
    if (node.type === 'pageBreak') {
      if (pageBreak) out.push(breakParagraph())
      pageBreak = true
      pos += nodeSize(node)
      continue
    }
    const render = Object.hasOwn(blockRenderers, node.type) ? blockRenderers[node.type]! : renderUnknownBlock
    // A suggested paragraph break before this block: a tracked change on the previous paragraph's mark.
    const change = env.top ? breakChange(node, ctx.changeIds) : null
    const previous = out.at(-1)
    if (change && previous?.$ === 'Paragraph') {
      const args = previous.args[0] as { run?: object }
      out[out.length - 1] = { $: 'Paragraph', args: [{ ...args, run: { ...args.run, ...change } }] }
    }
    const blocks = render(node, pos, ctx, env)
    if (pageBreak && blocks.length) {
      const first = blocks[0]!
      if (first.$ === 'Paragraph') blocks[0] = { $: 'Paragraph', args: [{ ...(first.args[0] as object), pageBreakBefore: true }] }
      else out.push(breakParagraph())
      pageBreak = false
    }
    out.push(...blocks)
    pos += nodeSize(node)
  }
  if (pageBreak) out.push(breakParagraph())
  return out
}

function breakParagraph(): DocxBlock {
  return D.Paragraph({ children: [D.PageBreak()] })
}
