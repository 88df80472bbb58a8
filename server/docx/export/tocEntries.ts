/**
 * The entries of the table of contents, worked out from the JSON before the sections are written
 * (the TOC comes first in the body, which is streamed to the packing worker in order). Each entry
 * links to a bookmark named after the heading's section and position, which the heading renderer
 * puts on the heading, so the two cannot drift apart.
 */
import { blockRenderers } from './blocks'
import { nodeSize, plainText } from './positions'
import type { TocEntry } from './docxDesc'
import type { ExportSection, PMNode } from '../types'

/** The bookmark of a heading: section index and position (-1 for the section title). */
export function tocBookmark(section: number, pos: number): string {
  return pos < 0 ? `_Toc${section}_t` : `_Toc${section}_${pos}`
}

/** Word heading level of a section heading (2 → 2, 3 and 4 → 3). */
export function wordHeadingLevel(level: unknown): 2 | 3 {
  return Number(level ?? 2) <= 2 ? 2 : 3
}

/** Entries for every section title (level 1) and heading (2–3), in document order. */
export function tocEntries(sections: ExportSection[]): TocEntry[] {
  const entries: TocEntry[] = []
  sections.forEach((section, index) => {
    entries.push({ title: section.title.trim() || '—', level: 1, href: tocBookmark(index, -1) })
    const walk = (nodes: PMNode[] | undefined, start: number) => {
      let pos = start
      for (const node of nodes ?? []) {
        if (node.type === 'heading') {
          entries.push({ title: plainText(node).trim() || '—', level: wordHeadingLevel(node.attrs?.level), href: tocBookmark(index, pos) })
        } else if (Object.hasOwn(blockRenderers, node.type) || ['listItem', 'tableRow', 'tableCell', 'tableHeader'].includes(node.type)) {
          // Only what the renderers write as blocks: an unknown node's headings become plain text.
          if (node.type !== 'footnotes') walk(node.content, pos + 1)
        }
        pos += nodeSize(node)
      }
    }
    walk(section.content.content, 0)
  })
  return entries
}
