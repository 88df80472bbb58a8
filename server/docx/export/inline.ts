/**
 * Inline content of a paragraph or heading → described docx runs: text with its marks, links,
 * hard breaks, footnote references, and the comment range markers that fall inside the paragraph.
 */
import type { IRunOptions } from 'docx'
import { isAllowedHref } from '#shared/editor/extensions'
import { D, type DocxDesc } from './docxDesc'
import { nodeSize, plainText } from './positions'
import { renderFootnote } from './nodes/footnote'
import { renderCrossReference } from './crossReferences'
import { isSuggestionMark, trackedRun } from './trackedChanges'
import type { CommentMarker } from './commentMarkers'
import type { BlockEnv, RenderContext } from './renderContext'
import type { PMMark, PMNode } from '../types'

const KNOWN_MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'link', 'superscript', 'subscript'])

type RunProps = { -readonly [K in Exclude<keyof IRunOptions, 'children'>]?: IRunOptions[K] }

/** Runs of the inline nodes `nodes`, whose first position in the section doc is `start`. */
export function renderInline(nodes: PMNode[] | undefined, start: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const children = nodes ?? []
  const out: DocxDesc[] = []
  let end = start
  for (const node of children) end += nodeSize(node)
  const markers = ctx.markers && !env.inFootnote ? ctx.markers.within(start, end) : []
  let mi = 0
  const emitUpTo = (pos: number, target: DocxDesc[]) => {
    while (mi < markers.length && markers[mi]!.pos <= pos) target.push(...markerElements(markers[mi++]!))
  }

  let link: { href: string, children: DocxDesc[] } | null = null
  const closeLink = () => {
    if (link) out.push(D.ExternalHyperlink({ link: link.href, children: link.children }))
    link = null
  }
  let pos = start
  for (const node of children) {
    const href = linkHref(node, ctx)
    if (link && link.href !== href) closeLink()
    if (href && !link) link = { href, children: [] }
    const target: DocxDesc[] = link ? (link as { children: DocxDesc[] }).children : out
    emitUpTo(pos, target)
    const size = nodeSize(node)
    if (node.type === 'text') {
      const text = node.text ?? ''
      const props = runProps(node.marks, ctx, Boolean(href))
      // Open suggestions become Word tracked changes (only the review copy still has them).
      const textRun = (piece: string) => trackedRun(node.marks, props, piece, ctx.changeIds)
      // A tab typed in the editor (Tab outside lists and tables, docs/editor.md) is Word's <w:tab/>,
      // the next tab stop, not a character in the text; inside a suggestion it stays in the tracked run.
      const textRuns = (piece: string): DocxDesc[] => node.marks?.some(isSuggestionMark) || !piece.includes('\t')
        ? [textRun(piece)]
        : piece.split('\t').flatMap((part, i) => [...(i ? [D.TextRun({ ...props, children: [D.Tab()] })] : []), ...(part ? [textRun(part)] : [])])
      let offset = 0
      // Split the text where a comment range starts or ends inside it.
      while (mi < markers.length && markers[mi]!.pos < pos + size) {
        const cut = markers[mi]!.pos - pos
        if (cut > offset) target.push(...textRuns(text.slice(offset, cut)))
        offset = Math.max(offset, cut)
        target.push(...markerElements(markers[mi++]!))
      }
      if (offset < text.length) target.push(...textRuns(text.slice(offset)))
    } else {
      target.push(...renderInlineNode(node, ctx, env))
    }
    pos += size
  }
  closeLink()
  emitUpTo(Number.POSITIVE_INFINITY, out)
  return out
}

function renderInlineNode(node: PMNode, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  switch (node.type) {
    case 'hardBreak':
      return [D.TextRun({ break: 1 })]
    case 'footnoteReference': {
      if (env.inFootnote) {
        ctx.warn('A footnote reference inside a footnote was left out')
        return []
      }
      const note = ctx.notes.get(String(node.attrs?.id ?? ''))
      if (!note) ctx.warn('A footnote reference without its note got an empty footnote')
      return [D.FootnoteReferenceRun(ctx.addFootnote(renderFootnote(note, ctx)))]
    }
    case 'crossReference':
      return renderCrossReference(node, ctx, runProps(node.marks, ctx, false))
    default: {
      ctx.warn(`Unsupported inline node “${node.type}” exported as plain text`)
      const text = plainText(node)
      return text ? [D.TextRun({ text, ...runProps(node.marks, ctx, false) })] : []
    }
  }
}

/** Run options for a set of marks. */
function runProps(marks: PMMark[] | undefined, ctx: RenderContext, inLink: boolean): RunProps {
  const props: RunProps = {}
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') props.bold = true
    else if (mark.type === 'italic') props.italics = true
    else if (mark.type === 'underline') props.underline = {}
    else if (mark.type === 'strike') props.strike = true
    else if (mark.type === 'superscript') props.superScript = true
    else if (mark.type === 'subscript') props.subScript = true
    else if (!KNOWN_MARKS.has(mark.type) && !isSuggestionMark(mark)) ctx.warn(`Unsupported mark “${mark.type}” left out`)
  }
  if (inLink) props.style = 'Hyperlink'
  return props
}

/** The href of a text's link mark when it may be written; a refused link becomes plain text. */
function linkHref(node: PMNode, ctx: RenderContext): string | null {
  const mark = node.type === 'text' ? node.marks?.find(m => m.type === 'link') : undefined
  if (!mark) return null
  const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : ''
  if (isAllowedHref(href)) return href
  ctx.warn('A link with a refused address (not http, https or mailto) was exported as plain text')
  return null
}

function markerElements(marker: CommentMarker): DocxDesc[] {
  if (marker.kind === 'start') return marker.ids.map(id => D.CommentRangeStart(id))
  return marker.ids.flatMap(id => [D.CommentRangeEnd(id), D.TextRun({ children: [D.CommentReference(id)] })])
}
