/**
 * `recommendation` → its paragraphs in the Recommendation style, the label ("R12", "Q3") in bold at
 * the start of the first, then a line with the articles it concerns (and "Priority"). The label is
 * the target of cross-references (a bookmark, server/docx/export/crossReferences.ts) where the block
 * is written in its own section; the copies in the generated lists carry none, their labels link to it.
 */
import { D, type DocxDesc } from '../docxDesc'
import { renderBlocks } from '../blocks'
import { bookmarkTarget, refBookmarkName } from '../crossReferences'
import { STYLE } from '../styles'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { DocxBlock } from '../blocks'
import type { PMNode } from '../../types'

/**
 * Writes one block with a given label. `target`: it is the block itself (its label carries the
 * bookmark); `linkTo`: a copy in a generated list, whose label links to the original's bookmark.
 */
export function writeRecommendation(node: PMNode, label: string, pos: number, ctx: RenderContext, env: BlockEnv, place: { target?: boolean, linkTo?: string | null }): DocxBlock[] {
  const labelRun = [D.TextRun({ text: label, bold: true })]
  const head = place.target
    ? bookmarkTarget(ctx, node, labelRun)
    : place.linkTo ? [D.InternalHyperlink({ anchor: refBookmarkName(place.linkTo), children: labelRun })] : labelRun
  const blocks = renderBlocks(node.content, pos + 1, ctx, { ...env, top: false, style: env.inTable ? env.style : STYLE.recommendation })
  const first = blocks[0]
  if (first?.$ === 'Paragraph') {
    const options = first.args[0] as { children?: DocxDesc[] }
    blocks[0] = D.Paragraph({ ...options, children: [...head, D.TextRun({ text: ' ' }), ...(options.children ?? [])] } as Parameters<typeof D.Paragraph>[0])
  } else {
    blocks.unshift(D.Paragraph({ style: STYLE.recommendation, children: head }))
  }
  const articles = typeof node.attrs?.articles === 'string' ? node.attrs.articles.trim() : ''
  const priority = node.attrs?.priority === true
  if (articles || priority) {
    const text = [articles ? `${ctx.labels.articles} ${articles}` : '', priority ? ctx.labels.priority : ''].filter(Boolean).join(' · ')
    blocks.push(D.Paragraph({ style: env.inTable ? env.style : STYLE.recommendation, children: [D.TextRun({ text, italics: true })] }))
  }
  return blocks
}

/** The block renderer: the label is the next one of the section being written (exportDocx sets them). */
export function renderRecommendation(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxBlock[] {
  const label = ctx.recommendationLabels.shift()
  if (!label) ctx.warn('A recommendation without a number was written without its label')
  return writeRecommendation(node, label ?? '', pos, ctx, env, { target: true })
}
