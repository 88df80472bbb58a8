/**
 * Word counting as the UN counts a submission: every word of the body text, footnotes included
 * (annexes are excluded by the section's `countsTowardLimit`, not here). A word is a run of
 * characters between white space that holds at least one letter or digit, so a lone "—" counts
 * as nothing and "art. 37(a)" counts as two words.
 */
import * as Y from 'yjs'

const WORD = /[\p{L}\p{N}]/u

/** Words in a plain string. */
export function countWords(text: string): number {
  let n = 0
  for (const token of text.split(/\s+/)) if (WORD.test(token)) n++
  return n
}

/** Words in a section body held in a Y.XmlFragment (or any Y.Xml subtree). */
export function countFragmentWords(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): number {
  if (node instanceof Y.XmlText) {
    let text = ''
    for (const op of node.toDelta() as Array<{ insert: unknown }>) {
      if (typeof op.insert === 'string') text += op.insert
    }
    return countWords(text)
  }
  let n = 0
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) n += countFragmentWords(child)
  }
  return n
}

/** Words in ProseMirror JSON (used by the importer and exporter, which hold JSON, not Y types). */
export function countJsonWords(node: { text?: string, content?: unknown[] }): number {
  if (typeof node.text === 'string') return countWords(node.text)
  let n = 0
  let run = ''
  for (const child of (node.content ?? []) as Array<{ text?: string, content?: unknown[] }>) {
    // Adjacent text nodes (differently marked) belong to the same words.
    if (typeof child.text === 'string') {
      run += child.text
      continue
    }
    n += countWords(run)
    run = ''
    n += countJsonWords(child)
  }
  return n + countWords(run)
}
