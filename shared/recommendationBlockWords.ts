/**
 * Words of each recommendation or question block of a section body held in Yjs (suggested
 * insertions not counted, as everywhere: shared/wordCount.ts), with its priority flag: what the
 * server's summaries add for the generated lists (shared/generatedWords.ts) without converting
 * the body to ProseMirror.
 */
import * as Y from 'yjs'
import { countFragmentWords } from './wordCount'

/** The blocks of one body, in document order. */
export function recommendationBlockWords(node: Y.XmlFragment | Y.XmlElement, into: Array<{ words: number, priority: boolean }> = []): Array<{ words: number, priority: boolean }> {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'recommendation') into.push({ words: countFragmentWords(child), priority: child.getAttribute('priority') as unknown === true })
    else if (child.nodeName !== 'paragraph' && child.nodeName !== 'heading' && child.nodeName !== 'footnotes') recommendationBlockWords(child, into)
  }
  return into
}
