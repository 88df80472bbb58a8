/**
 * The generated lists in Word, written as the editor shows them (components/report/
 * ReportRecommendationSummary.vue) from the same list (shared/recommendationList.ts): the summary of
 * recommendations, one group per section under its title, and the executive summary's priority
 * list. Each block is a copy: its footnote references and reference targets stay with the original
 * (a note printed twice, or a cross-reference landing in the copy, would be wrong); its label links
 * to the original's bookmark, as the editor's labels link back to the block.
 */
import { D } from './docxDesc'
import { writeRecommendation } from './nodes/recommendation'
import { STYLE } from './styles'
import type { DocxBlock } from './blocks'
import type { BlockEnv, RenderContext } from './renderContext'
import type { RecommendationGroup } from '#shared/recommendationList'
import type { PMNode } from '../types'

const LIST_ENV: BlockEnv = { top: false, depth: 0, inFootnote: false, inTable: false }

/** The block without what belongs to the original only: footnote references, `refId`s. */
function copyOf(node: PMNode): PMNode {
  const content = node.content?.filter(c => c.type !== 'footnoteReference').map(copyOf)
  const attrs = node.attrs && 'refId' in node.attrs ? { ...node.attrs, refId: null } : node.attrs
  return { ...node, ...(attrs ? { attrs } : {}), ...(content ? { content } : {}) }
}

/** The groups as Word paragraphs: with `heading`, one list under it (priority list); without, a group title per section. */
export function writeRecommendationGroups(groups: RecommendationGroup[], ctx: RenderContext, heading?: string): DocxBlock[] {
  const out: DocxBlock[] = []
  // Comment anchors are positions in the section's own text, not in these copies.
  const markers = ctx.markers
  ctx.markers = null
  if (heading) out.push(D.Paragraph({ style: STYLE.recommendationGroup, children: [D.TextRun({ text: heading })] }))
  for (const group of groups) {
    if (!heading) out.push(D.Paragraph({ style: STYLE.recommendationGroup, children: [D.TextRun({ text: group.title })] }))
    for (const item of group.items) out.push(...writeRecommendation(copyOf(item.node as PMNode), item.label, 0, ctx, LIST_ENV, { linkTo: item.refId }))
  }
  ctx.markers = markers
  return out
}
