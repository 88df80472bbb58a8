/**
 * The text of concluding observations read from Word (the section importer's mammoth path), as
 * lines the CO parser reads. UN documents number their paragraphs with Word's list numbering,
 * which mammoth turns into lists without the numbers, often one list per paragraph: top-level
 * numbered items are counted across the whole document (1., 2., … as the Committee numbers
 * them) and a numbered list inside an item is lettered (a), (b), … as its sub-paragraphs.
 */
import type { PMNode } from '../docx/types'

/** Lines of text of an imported document body. */
export function importedCoText(body: PMNode): string {
  const lines: string[] = []
  let paragraphNumber = 0
  const text = (node: PMNode): string => node.type === 'text' ? node.text ?? '' : node.type === 'hardBreak' ? ' ' : (node.content ?? []).map(text).join('')
  const walk = (node: PMNode, depth: number) => {
    if (node.type === 'footnotes') return
    if (node.type === 'orderedList' || node.type === 'bulletList') {
      const numbered = node.type === 'orderedList'
      ;(node.content ?? []).forEach((item, i) => {
        const label = !numbered ? '' : depth === 0 ? `${++paragraphNumber}. ` : `(${String.fromCharCode(97 + (i % 26))}) `
        const [first, ...rest] = item.content ?? []
        lines.push(label + (first ? text(first) : ''))
        for (const child of rest) walk(child, depth + 1)
      })
      return
    }
    if (node.type === 'paragraph' || node.type === 'heading') {
      lines.push(text(node))
      return
    }
    for (const child of node.content ?? []) walk(child, depth)
  }
  walk(body, 0)
  return lines.join('\n')
}
