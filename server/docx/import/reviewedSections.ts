/**
 * A reviewed Chorus export split back into its sections (by the title bookmarks the export writes):
 * for each section, the characters of its text and notes as the file has them, and the Word
 * comments made on them; comments on no section (cover, contents) apart. And the alignment of
 * each section with the live one, computed on a copy off the room's queue (a 100-page report
 * takes a few hundred milliseconds to compare), then reused where the live text has not changed.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type * as Y from 'yjs'
import { initProseMirrorDoc } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { readSections } from '#shared/reportDoc'
import { nodeSize } from '../export/positions'
import { alignChars, flatten, textOf, type Char } from './alignText'
import type { ImportResult } from './importDocx'
import type { ImportedComment } from './reviewMarkers'
import type { PMNode } from '../types'

/** One section of the reviewed file. */
export interface ReviewedSection {
  sectionId: string
  /** Its title in the file (for the report when the section is gone). */
  fileTitle: string
  words: Char[]
  comments: ImportedComment[]
}

/**
 * Section id → the live text the alignment was made against, the alignment, and whether there is
 * nothing to do (no change or comment in the file, no suggestion in the live section).
 */
export type AlignedSections = Map<string, { text: string, map: Int32Array | null, idle: boolean }>

/** The sections of the file, and the comments on none of them. */
export function splitReviewed(file: ImportResult): { sections: ReviewedSection[], outside: ImportedComment[] } {
  const blocks = file.content.content ?? []
  const starts = [...file.sectionStarts].sort((a, b) => a.block - b.block)
  let blockPos = 0
  const blockStart: number[] = blocks.map((b) => {
    const at = blockPos
    blockPos += nodeSize(b)
    return at
  })
  // The importer gathers every note at the end: each section takes the notes it refers to.
  const notesAt = blocks.findLastIndex(b => b.type === 'footnotes')
  const notes = notesAt < 0 ? [] : notePositions(blocks[notesAt]!, blockStart[notesAt]!)
  const handled = new Set<ImportedComment>()
  const sections = starts.map((start, k): ReviewedSection => {
    const end = Math.min(starts[k + 1]?.block ?? blocks.length, notesAt < 0 ? blocks.length : notesAt)
    const body = blocks.slice(start.block + 1, end)
    const from = blockStart[start.block + 1] ?? blockPos
    const to = blockStart[end] ?? blockPos
    const refs = referencedNotes(body)
    const ownNotes = notes.filter(n => refs.has(n.id))
    const inSection = (pos: number) => (pos >= from && pos < to) || ownNotes.some(n => pos >= n.pos && pos < n.pos + nodeSize(n.node))
    const comments = file.comments.filter(c => c.from !== null && inSection(c.from))
    comments.forEach(c => handled.add(c))
    const words = [...flatten(body, from), ...ownNotes.flatMap(n => flatten([n.node], n.pos))]
    return { sectionId: start.sectionId, fileTitle: plain(blocks[start.block]), words, comments }
  })
  return { sections, outside: file.comments.filter(c => !handled.has(c)) }
}

/** The characters of a live section. */
export function liveChars(doc: Y.Doc, sectionId: string): Char[] {
  const { doc: pm } = initProseMirrorDoc(doc.getXmlFragment(sectionFragmentName(sectionId)), chorusSchema())
  return flatten((pm.toJSON() as PMNode).content ?? [])
}

/** Aligns every section of the file with `doc` (a copy), yielding between sections. */
export async function alignReviewed(doc: Y.Doc, file: ImportResult): Promise<AlignedSections> {
  const out: AlignedSections = new Map()
  const present = new Set(readSections(doc).map(s => s.id))
  for (const section of splitReviewed(file).sections) {
    if (!present.has(section.sectionId)) continue
    await yieldToEventLoop()
    const live = liveChars(doc, section.sectionId)
    const idle = !section.comments.length && !section.words.some(c => c.ins || c.del) && !live.some(c => c.ins || c.del)
    out.set(section.sectionId, { text: textOf(live), map: idle ? null : alignChars(live, section.words), idle })
  }
  return out
}

/** The footnote nodes of a `footnotes` block at `pos`, with their positions. */
function notePositions(block: PMNode, pos: number): Array<{ id: string, node: PMNode, pos: number }> {
  let at = pos + 1
  return (block.content ?? []).map((node) => {
    const entry = { id: String(node.attrs?.id ?? ''), node, pos: at }
    at += nodeSize(node)
    return entry
  })
}

/** The ids of the notes referenced in `blocks`. */
function referencedNotes(blocks: PMNode[]): Set<string> {
  const ids = new Set<string>()
  const walk = (n: PMNode) => {
    if (n.type === 'footnoteReference') ids.add(String(n.attrs?.id ?? ''))
    n.content?.forEach(walk)
  }
  blocks.forEach(walk)
  return ids
}

function plain(node: PMNode | undefined): string {
  if (!node) return ''
  return node.text ?? (node.content ?? []).map(plain).join('')
}
