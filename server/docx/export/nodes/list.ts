/**
 * `bulletList` / `orderedList` → real Word list paragraphs. Bullets share one numbering instance;
 * every ordered list (nested ones too) gets its own instance, so each restarts at its `start`.
 * Nesting depth is the Word list level; items' further paragraphs are indented to the item text.
 */
import { D } from '../docxDesc'
import { renderBlocks } from '../blocks'
import { renderInline } from '../inline'
import { BULLETS, LIST_STEP, orderedFormat } from '../numbering'
import { nodeSize } from '../positions'
import type { DocxBlock } from '../blocks'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders a bullet or ordered list node at position `pos` of the section doc. */
export function renderList(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxBlock[] {
  const level = Math.min(env.depth, 8)
  const numbering = node.type === 'orderedList'
    ? { reference: ctx.numbering.orderedReference(orderedFormat(node.attrs?.type, env.depth), listStart(node)), level, instance: ctx.numbering.nextInstance() }
    : { reference: BULLETS, level }
  // In a numbered section, body text starts one step in: lists align with it.
  const base = ctx.numberParagraphs && !env.inTable ? LIST_STEP : 0
  const left = base + LIST_STEP * (env.depth + 1)
  const out: DocxBlock[] = []
  let itemPos = pos + 1
  for (const item of node.content ?? []) {
    const children = item.type === 'listItem' ? item.content ?? [] : [item]
    if (item.type !== 'listItem') ctx.warn(`A “${item.type}” directly inside a list was exported as a list item`)
    let childPos = item.type === 'listItem' ? itemPos + 1 : itemPos
    children.forEach((child, i) => {
      if (i === 0 && child.type === 'paragraph') {
        out.push(D.Paragraph({
          style: env.style ?? 'ListParagraph',
          numbering,
          indent: { left, hanging: LIST_STEP },
          children: renderInline(child.content, childPos + 1, ctx, env),
        }))
      } else {
        if (i === 0) out.push(D.Paragraph({ style: env.style ?? 'ListParagraph', numbering, indent: { left, hanging: LIST_STEP } }))
        out.push(...renderBlocks([child], childPos, ctx, { ...env, top: false, depth: env.depth + 1, indent: left }))
      }
      childPos += nodeSize(child)
    })
    itemPos += nodeSize(item)
  }
  return out
}

function listStart(node: PMNode): number {
  const start = Number(node.attrs?.start ?? 1)
  return Number.isFinite(start) && start >= 0 ? Math.floor(start) : 1
}
