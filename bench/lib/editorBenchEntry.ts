/**
 * What bench/editor.mjs needs from the TypeScript sources (bundled by editorBundle.mjs): the app's
 * schema and y-tiptap writer, and report bodies built from the sample report's clusters
 * (tests/fixtures-gen/sampleReport.ts) spread over a template's sections to a word target.
 */
import type * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { countJsonWords } from '../../shared/wordCount'
import { clusterBody, sampleMeta } from '../../tests/fixtures-gen/sampleReport'
import type { ExportInput, PMNode } from '../../server/docx/types'

/** Words on a page of the exported report (Source Serif 11 pt, A4): the sample's 102 pages hold ~51,000 words. */
export const WORDS_PER_PAGE = 500

/**
 * One body per section, about `pages` pages in all: each section gets the clusters (headings,
 * numbered paragraphs with footnotes, lists, a quotation, a table every other one) and the
 * "additional evidence" paragraphs it needs to reach its share, cut to the share when smaller.
 */
export function reportBodies(sectionCount: number, pages: number): PMNode[] {
  const share = (pages * WORDS_PER_PAGE) / sectionCount
  const bodies: PMNode[] = []
  for (let s = 0; s < sectionCount; s++) {
    const content: PMNode[] = []
    const notes: PMNode[] = []
    let words = 0
    for (let r = 0; words < share; r++) {
      const body = clusterBody(`cluster ${s + 1}, part ${r + 1}`, (s + r) % 2 === 0, 3, Math.max(0, Math.min(9, Math.round((share - words - 600) / 85))))
      for (const block of body.content ?? []) {
        if (block.type === 'footnotes') {
          notes.push(...(block.content ?? []))
          continue
        }
        if (words >= share) break
        content.push(block)
        words += countJsonWords(block)
      }
    }
    // Keep only the notes whose reference made it into the body.
    const cited = new Set<string>()
    const walk = (n: PMNode) => {
      if (n.type === 'footnoteReference') cited.add(String(n.attrs?.id))
      n.content?.forEach(walk)
    }
    content.forEach(walk)
    const kept = notes.filter(n => cited.has(String(n.attrs?.id)))
    if (kept.length) content.push({ type: 'footnotes', content: kept })
    bodies.push({ type: 'doc', content })
  }
  return bodies
}

/** Write `bodies` into the sections' fragments of `doc`, one transaction per section (one update each). */
export function writeBodies(doc: Y.Doc, sectionIds: string[], bodies: PMNode[]): void {
  const schema = chorusSchema()
  sectionIds.forEach((id, i) => {
    prosemirrorJSONToYXmlFragment(schema, bodies[i]!, doc.getXmlFragment(sectionFragmentName(id)))
  })
}

/** The same bodies as an ExportInput (for bench/lib/exportHtml.mjs: the plain editor's content). */
export function asExportInput(titles: string[], bodies: PMNode[]): ExportInput {
  return {
    meta: sampleMeta(),
    sections: bodies.map((content, i) => ({ id: `s${i}`, title: titles[i] ?? `Section ${i + 1}`, countsTowardLimit: true, content })),
    comments: [],
  }
}

export const wordsOf = (bodies: PMNode[]) => bodies.reduce((n, b) => n + countJsonWords(b), 0)
