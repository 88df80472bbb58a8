/**
 * A converted Word draft split at its top headings: the text before the first one (front matter),
 * then one part per top heading with everything up to the next. The top level is the highest
 * heading level the draft uses, so a draft that starts at Word's Heading 2 splits there too.
 * Headings inside a part move up so the part's first sub-level is the section's level 2 (a Chorus
 * export's Heading 2 comes back as a level-2 heading, not level 3). Each part takes the footnotes
 * it refers to, in its own `footnotes` block, as a section body holds them.
 */
import { countJsonWords } from '#shared/wordCount'
import type { PMNode } from '../../docx/types'

/** One part: its heading's text and its section body. */
export interface DraftPart {
  title: string
  body: PMNode
  words: number
}

/** The front matter's blocks (notes not included) and the parts. */
export interface SplitDraft {
  front: PMNode[]
  parts: DraftPart[]
}

/** Splits `content` (importDocx's); `docTitle` is the draft's Title paragraph, kept with the front matter. */
export function splitDraft(content: PMNode, docTitle: string | null): SplitDraft {
  const all = content.content ?? []
  const notes = draftNotes(content)
  const blocks = all.filter(b => b.type !== 'footnotes')
  // The Title paragraph is a heading too (mammoth has no other way to keep it): not a part.
  const titleAt = docTitle === null ? -1 : blocks.findIndex(b => b.type === 'heading' && plainText(b).trim() === docTitle)
  const isTop = (b: PMNode, i: number, level: number) => b.type === 'heading' && i !== titleAt && Number(b.attrs?.level) === level
  const levels = blocks.filter((b, i) => b.type === 'heading' && i !== titleAt).map(b => Number(b.attrs?.level))
  const top = levels.length ? Math.min(...levels) : null
  const front: PMNode[] = []
  const raw: Array<{ title: string, blocks: PMNode[] }> = []
  blocks.forEach((block, i) => {
    if (top !== null && isTop(block, i, top)) raw.push({ title: plainText(block).trim(), blocks: [] })
    else if (raw.length) raw[raw.length - 1]!.blocks.push(top === null ? block : shiftHeading(block, top))
    else front.push(block)
  })
  const parts = raw.map(({ title, blocks: body }) => {
    const doc = withNotes(trimBreaks(body), notes)
    return { title, body: doc, words: countJsonWords(doc) }
  })
  return { front, parts }
}

/** The body of some blocks with the notes they refer to (used for the front matter too). */
export function withNotes(blocks: PMNode[], notes: Map<string, PMNode>): PMNode {
  const ids: string[] = []
  const walk = (n: PMNode) => {
    if (n.type === 'footnoteReference') ids.push(String(n.attrs?.id ?? ''))
    n.content?.forEach(walk)
  }
  blocks.forEach(walk)
  const own = [...new Set(ids)].map(id => notes.get(id)).filter((n): n is PMNode => n !== undefined)
  const content = blocks.length ? [...blocks] : [{ type: 'paragraph' }]
  if (own.length) content.push({ type: 'footnotes', content: own })
  return { type: 'doc', content }
}

/** The draft's notes by id. */
export function draftNotes(content: PMNode): Map<string, PMNode> {
  return new Map((content.content?.find(b => b.type === 'footnotes')?.content ?? []).map(n => [String(n.attrs?.id ?? ''), n]))
}

/** A heading inside a part, one level under the part's own (the section title) = level 2. */
function shiftHeading(block: PMNode, top: number): PMNode {
  if (block.type !== 'heading') return block
  const level = Math.max(2, Math.min(4, Number(block.attrs?.level) - top + 1))
  return { ...block, attrs: { ...block.attrs, level } }
}

/** Page breaks at a part's edges are the exporter's section breaks: it writes them again itself. */
function trimBreaks(blocks: PMNode[]): PMNode[] {
  let from = 0
  let to = blocks.length
  while (from < to && blocks[from]!.type === 'pageBreak') from++
  while (to > from && blocks[to - 1]!.type === 'pageBreak') to--
  return blocks.slice(from, to)
}

/** The text of a node. */
export function plainText(node: PMNode): string {
  return node.text ?? (node.content ?? []).map(plainText).join('')
}
