/**
 * ProseMirror positions computed on JSON, so the exporter never has to build a schema node (which
 * would throw on an unknown node type instead of degrading).
 */
import { chorusSchema } from '#shared/editor/extensions'
import type { PMNode } from '../types'

const TEXTBLOCKS = new Set(['paragraph', 'heading'])

/** `node.nodeSize` of a JSON node: text length, 1 for a leaf, 2 + content for the rest. */
export function nodeSize(node: PMNode): number {
  if (node.type === 'text') return node.text?.length ?? 0
  const type = chorusSchema().nodes[node.type]
  if (type ? type.isLeaf : !node.content) return 1
  let size = 2
  for (const child of node.content ?? []) size += nodeSize(child)
  return size
}

/** Content ranges [start, end] of the paragraphs and headings of a section body, footnotes excluded. */
export function textblockRanges(doc: PMNode): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const walk = (node: PMNode, pos: number) => {
    if (TEXTBLOCKS.has(node.type)) {
      ranges.push([pos + 1, pos + nodeSize(node) - 1])
      return
    }
    if (node.type === 'footnotes') return
    let childPos = pos + 1
    for (const child of node.content ?? []) {
      walk(child, childPos)
      childPos += nodeSize(child)
    }
  }
  let pos = 0
  for (const child of doc.content ?? []) {
    walk(child, pos)
    pos += nodeSize(child)
  }
  return ranges
}

/** Positions of the footnote references of a section body (in document order, footnotes excluded). */
export function footnoteReferencePositions(doc: PMNode): number[] {
  const out: number[] = []
  const walk = (node: PMNode, pos: number) => {
    if (node.type === 'footnoteReference') out.push(pos)
    if (node.type === 'footnotes' || !node.content) return
    let childPos = pos + 1
    for (const child of node.content) {
      walk(child, childPos)
      childPos += nodeSize(child)
    }
  }
  let pos = 0
  for (const child of doc.content ?? []) {
    walk(child, pos)
    pos += nodeSize(child)
  }
  return out
}

/** The plain text of a node, blocks separated by a space (for degraded nodes). */
export function plainText(node: PMNode): string {
  if (typeof node.text === 'string') return node.text
  const parts = (node.content ?? []).map(plainText)
  const inline = (node.content ?? []).every(c => c.type === 'text' || !c.content)
  return parts.join(inline ? '' : ' ')
}
