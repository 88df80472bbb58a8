/** `heading` (levels 2–4 in a section) → Word Heading 2–3; level 4 becomes Heading 3 (the TOC lists 1–3). */
import { headingLabel } from '#shared/reportNumbering'
import { D, type DocxDesc } from '../docxDesc'
import { renderInline } from '../inline'
import { bookmarkTarget } from '../crossReferences'
import { tocBookmark, wordHeadingLevel } from '../tocEntries'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders a heading node at position `pos` of the section doc. */
export function renderHeading(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const runs = headingRuns(node, pos, ctx, env)
  return [D.Paragraph({
    heading: wordHeadingLevel(node.attrs?.level) === 2 ? 'Heading2' : 'Heading3',
    children: ctx.tocBookmarks && !env.inFootnote ? [D.Bookmark({ id: tocBookmark(ctx.sectionIndex, pos), children: runs })] : runs,
  })]
}

/**
 * The heading's runs; when it is a cross-reference target, its label ("III" of "III. General
 * principles") is the bookmark, so a REF field to it reads "III" (the reference says "section III"),
 * before and after Word updates it. Without a label in its first text — or with comment markers in
 * the heading, which must not be split — the whole text is the bookmark.
 */
function headingRuns(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const first = node.content?.[0]
  const text = first?.type === 'text' ? first.text ?? '' : ''
  const label = node.attrs?.refId ? headingLabel(text) : null
  const size = (node.content ?? []).reduce((n, c) => n + (c.type === 'text' ? c.text?.length ?? 0 : 1), 0)
  if (!label || !first || (ctx.markers && ctx.markers.within(pos + 1, pos + 1 + size).length)) {
    return bookmarkTarget(ctx, node, renderInline(node.content, pos + 1, ctx, env))
  }
  const start = text.indexOf(label)
  const end = start + label.length
  const piece = (from: number, to: number): PMNode => ({ ...first, text: text.slice(from, to) })
  const rest = [...(end < text.length ? [piece(end, text.length)] : []), ...(node.content ?? []).slice(1)]
  return [
    ...(start > 0 ? renderInline([piece(0, start)], pos + 1, ctx, env) : []),
    ...bookmarkTarget(ctx, node, renderInline([piece(start, end)], pos + 1 + start, ctx, env)),
    ...renderInline(rest, pos + 1 + end, ctx, env),
  ]
}
