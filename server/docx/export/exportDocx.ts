/**
 * The DOCX exporter: a report (plain `ExportInput`) → the Word file a treaty body asks for.
 * Cover page, table of contents, sections as Heading 1 with their bodies (node map in blocks.ts),
 * annexes last and unnumbered, real footnotes, lists, tables and (optionally) comments; A4 with
 * page numbers. Unknown content degrades to text with a warning; the export itself does not fail.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { Document, Packer } from 'docx'
import type { FileChild } from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { renderBlocks } from './blocks'
import { CommentMarkers } from './commentMarkers'
import { coverPage } from './coverPage'
import { labelsFor } from './labels'
import { emptyFooter, pageFooter } from './pageFooter'
import { RenderContext, TOP_ENV } from './renderContext'
import { sectionTitle } from './sectionTitle'
import { documentStyles } from './styles'
import { tableOfContents } from './tableOfContents'
import { wordComments } from './wordComments'
import type { ExportInput, ExportOptions, ExportResult, ExportSection, PMNode } from '../types'

/** A4 in twips, 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 }

/** Writes the report as a .docx. Yields to the event loop between sections. */
export async function exportDocx(input: ExportInput, options: ExportOptions = {}): Promise<ExportResult> {
  const { meta } = input
  const labels = labelsFor(meta.language)
  const ctx = new RenderContext(labels)
  const numbered = options.numberedParagraphs ?? meta.numberedParagraphs
  // Annexes (not counted toward the limit) go after the body, in their own order.
  const sections = [...input.sections.filter(s => s.countsTowardLimit), ...input.sections.filter(s => !s.countsTowardLimit)]
  const comments = options.comments ? wordComments(input.comments, new Set(sections.map(s => s.id)), labels) : null

  const body: FileChild[] = [...coverPage(meta, labels, options.date ?? new Date()), ...tableOfContents(labels)]
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!
    // Big reports: let other requests run between sections.
    if (i > 0) await yieldToEventLoop()
    const firstAnnex = !section.countsTowardLimit && (i === 0 || sections[i - 1]!.countsTowardLimit)
    ctx.sectionTitle = section.title
    ctx.numberParagraphs = numbered && section.countsTowardLimit
    ctx.notes = sectionNotes(section)
    ctx.markers = comments ? new CommentMarkers(section.content, comments.placed.get(section.id) ?? []) : null
    body.push(sectionTitle(section.title, i === 0 || firstAnnex, comments?.orphans.get(section.id)))
    body.push(...renderBlocks(section.content.content, 0, ctx, TOP_ENV))
  }
  ctx.sectionTitle = ''

  const doc = new Document({
    title: meta.title,
    creator: meta.coalition || 'Chorus',
    lastModifiedBy: 'Chorus',
    subject: [meta.treatyBody, meta.session].filter(Boolean).join(', '),
    keywords: meta.stateParty,
    description: [labels.alternativeReport, meta.treatyBody, meta.session, meta.stateParty].filter(Boolean).join(' — '),
    features: { updateFields: true },
    styles: documentStyles(labels.locale),
    numbering: { config: ctx.numbering.definitions() },
    footnotes: ctx.footnotes,
    comments: comments ? { children: comments.options } : undefined,
    pageNumbers: options.tocPageNumbers === false ? undefined : estimatePageNumbers,
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 709, footer: 709 },
        },
      },
      footers: { default: pageFooter(), first: emptyFooter() },
      children: body,
    }],
  })
  await yieldToEventLoop()
  const buffer = await Packer.toBuffer(doc)
  return { buffer, warnings: ctx.warnings() }
}

/** A section's footnote nodes by id. */
function sectionNotes(section: ExportSection): Map<string, PMNode> {
  const notes = new Map<string, PMNode>()
  for (const block of section.content.content ?? []) {
    if (block.type !== 'footnotes') continue
    for (const note of block.content ?? []) notes.set(String(note.attrs?.id ?? ''), note)
  }
  return notes
}
