/**
 * One block of a section body held in the Y.Doc as the loose ProseMirror JSON the numbering reads
 * (shared/reportNumbering.ts), without building a schema node or a whole section: the editor
 * numbers the report from the Y.Doc on every change and converts only the blocks that changed.
 * Marks come from the text deltas' attributes, as y-tiptap writes them.
 */
import * as Y from 'yjs'
import type { JsonNode } from './reportNumbering'

/** A Y.XmlElement / Y.XmlText of a section body → JSON. */
export function yBlockJson(node: Y.XmlElement | Y.XmlText): JsonNode[] {
  if (node instanceof Y.XmlText) {
    const out: JsonNode[] = []
    for (const op of node.toDelta() as Array<{ insert: unknown, attributes?: Record<string, unknown> }>) {
      const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) => ({ type, attrs: typeof attrs === 'object' ? attrs as Record<string, unknown> : null }))
      if (typeof op.insert === 'string') out.push({ type: 'text', text: op.insert, marks })
      // An embedded element inside text (y-tiptap writes inline atoms as elements, but be lenient).
      else if (op.insert instanceof Y.XmlElement) out.push(...yBlockJson(op.insert))
    }
    return out
  }
  const content: JsonNode[] = []
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) content.push(...yBlockJson(child))
  }
  return [{ type: node.nodeName, attrs: node.getAttributes() as Record<string, unknown>, content }]
}
