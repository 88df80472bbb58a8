/**
 * The DOCX exporter: a report (plain `ExportInput`) → the Word file a treaty body asks for.
 * Cover page, table of contents, sections as Heading 1 with their bodies (node map in blocks.ts),
 * annexes last and unnumbered, real footnotes, lists, tables and (optionally) comments; A4 with
 * page numbers. Unknown content degrades to text with a warning; the export itself does not fail.
 *
 * The document is described as plain data section by section (yielding between sections) and
 * streamed to the packing worker, which builds the docx objects and runs docx's synchronous
 * Packer off the main thread (packDocx.ts).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { numberJsonReport } from '#shared/reportNumbering'
import { renderBlocks } from './blocks'
import { priorityGroups, recommendationList } from '#shared/recommendationList'
import type { RecommendationGroup } from '#shared/recommendationList'
import { writeRecommendationGroups } from './recommendationGroups'
import { setReferenceNumbers } from './crossReferences'
import { plainText } from './positions'
import { CommentMarkers } from './commentMarkers'
import { coverPage } from './coverPage'
import { labelsFor } from './labels'
import { openPackJob } from './packDocx'
import { confidentialHeader, emptyFooter, pageFooter } from './pageFooter'
import { RenderContext, TOP_ENV } from './renderContext'
import { sectionTitle } from './sectionTitle'
import { documentStyles } from './styles'
import { tableOfContents } from './tableOfContents'
import { tocBookmark, tocEntries } from './tocEntries'
import { rejectSuggestions } from './trackedChanges'
import { wordComments } from './wordComments'
import type { ExportInput, ExportOptions, ExportResult, ExportSection, PMNode } from '../types'

/** Reports up to this many blocks get laid-out TOC page numbers by default (see ExportOptions). */
const TOC_LAYOUT_MAX_BLOCKS = 400

/** A4 in twips, 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 }

/** Writes the report as a .docx. */
export async function exportDocx(input: ExportInput, options: ExportOptions = {}): Promise<ExportResult> {
  const { meta } = input
  const labels = labelsFor(meta.language)
  const ctx = new RenderContext(labels)
  ctx.images = input.images ?? {}
  const numbered = options.numberedParagraphs ?? meta.numberedParagraphs
  // Annexes (not counted toward the limit) go after the body, in their own order.
  const ordered = [...input.sections.filter(s => s.countsTowardLimit), ...input.sections.filter(s => !s.countsTowardLimit)]
  // The review copy carries open suggestions as tracked changes; the clean copy has them rejected.
  const written = options.comments ? ordered : ordered.map(s => ({ ...s, content: rejectSuggestions(s.content) }))
  // Sections nobody wrote (a template's clusters the coalition does not cover) are left out of
  // the clean copy by default; in the review copy only when asked, and never one with comments.
  const commented = new Set(options.comments ? input.comments.map(c => c.sectionId) : [])
  const skipEmpty = options.skipEmptySections ?? !options.comments
  // Recommendation and question blocks, numbered as the editor numbers them, for their labels and the generated lists.
  const listed = recommendationList(written)
  const sections = skipEmpty ? written.filter(s => !isEmptySection(s, listed) || commented.has(s.id)) : written
  // Cross-reference numbers of exactly the sections written, as this copy numbers them (read from
  // the stored bodies, so a suggested split the clean copy joins still resolves to its paragraph).
  const kept = new Set(sections.map(s => s.id))
  setReferenceNumbers(ctx, numberJsonReport(ordered.filter(s => kept.has(s.id)), { numberedParagraphs: numbered, clean: !options.comments, skipEmptySections: false }), meta.language)
  const comments = options.comments ? wordComments(input.comments, new Set(sections.map(s => s.id)), labels) : null
  const confidential = options.confidentialHeader ?? meta.confidentiality === 'confidential'
  const estimate = layOutToc(options.tocPageNumbers ?? 'auto', sections)
  // docx fills (and lays out) the TOC itself when estimating; otherwise we write its entries.
  ctx.tocBookmarks = !estimate

  const job = openPackJob()
  try {
    // Yield first: callers often convert the Y.Doc just before, in the same tick.
    await yieldToEventLoop()
    job.append([...coverPage(meta, labels, options.date ?? submissionDate(meta.submissionDate) ?? new Date()), ...tableOfContents(labels, estimate ? undefined : tocEntries(sections))])
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!
      // Let other requests run between sections.
      await yieldToEventLoop()
      const firstAnnex = !section.countsTowardLimit && (i === 0 || sections[i - 1]!.countsTowardLimit)
      ctx.sectionTitle = section.title
      ctx.sectionIndex = i
      ctx.numberParagraphs = numbered && section.countsTowardLimit
      ctx.notes = sectionNotes(section)
      ctx.markers = comments ? new CommentMarkers(section.content, comments.placed.get(section.id) ?? []) : null
      job.append([
        sectionTitle(section.title, i === 0 || firstAnnex, comments?.orphans.get(section.id), ctx.tocBookmarks ? tocBookmark(i, -1) : undefined, i),
        ...sectionBody(section, listed, ctx),
      ])
    }
  } catch (error) {
    job.abort()
    throw error
  }
  ctx.sectionTitle = ''

  const buffer = await job.finish({
    title: meta.title,
    creator: meta.coalition || 'Chorus',
    lastModifiedBy: 'Chorus',
    subject: [meta.treatyBody, meta.session].filter(Boolean).join(', '),
    keywords: meta.stateParty,
    description: [labels.alternativeReport, meta.treatyBody, meta.session, meta.stateParty].filter(Boolean).join(' — '),
    features: { updateFields: true },
    // A justified line that ends in a manual line break (Shift+Enter) is not stretched to the
    // margin, as in every word processor's default for new documents; LibreOffice reads it too.
    compatibility: { doNotExpandShiftReturn: true },
    // Which section each `_Chorus_s<k>` title bookmark names, for importing a reviewed copy.
    customProperties: [{ name: 'ChorusSections', value: JSON.stringify(sections.map(s => s.id)) }],
    styles: documentStyles(labels.locale),
    numbering: { config: ctx.numbering.definitions() },
    footnotes: ctx.footnotes,
    comments: comments ? { children: comments.options } : undefined,
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 709, footer: 709 },
        },
      },
      footers: { default: pageFooter(), first: emptyFooter() },
      // The cover is the first page (its own header): the line goes there too.
      headers: confidential ? { default: confidentialHeader(labels.confidentialHeader), first: confidentialHeader(labels.confidentialHeader) } : undefined,
    }],
  }, estimate)
  return { buffer, warnings: ctx.warnings() }
}

/**
 * A section without text: only empty paragraphs, page breaks or empty lists and tables. A block
 * of recommendations, even empty, is kept (the editor numbers it), and so is a figure without a
 * caption (the same rule as shared/reportNumbering.ts); a generated summary is empty when there
 * is nothing to list.
 */
function isEmptySection(section: ExportSection, listed: RecommendationGroup[]): boolean {
  if (section.generated === 'recommendations') return !listed.length
  return !/\S/.test(plainText(section.content)) && !listed.some(g => g.sectionId === section.id) && !holdsFigure(section.content)
}

function holdsFigure(node: { type?: string, content?: unknown[] }): boolean {
  return node.type === 'figure' || (node.content ?? []).some(c => holdsFigure(c as { type?: string, content?: unknown[] }))
}

/** A section's body: its own blocks, or the generated summary; the priority list first where the section asks for it. */
function sectionBody(section: ExportSection, listed: RecommendationGroup[], ctx: RenderContext) {
  ctx.recommendationLabels = listed.find(g => g.sectionId === section.id)?.items.map(i => i.label) ?? []
  if (section.generated === 'recommendations') return writeRecommendationGroups(listed, ctx)
  const priorities = section.priorityList ? priorityGroups(listed) : []
  return [
    ...(priorities.length ? writeRecommendationGroups(priorities, ctx, ctx.labels.priorityList) : []),
    ...renderBlocks(section.content.content, 0, ctx, TOP_ENV),
  ]
}

/** The cover date from the report's submission date (`YYYY-MM-DD`), or null when none is set. */
function submissionDate(day: string | undefined): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const date = new Date(`${day}T12:00:00Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

function layOutToc(setting: boolean | 'auto', sections: ExportSection[]): boolean {
  if (setting !== 'auto') return setting
  const blocks = sections.reduce((n, s) => n + (s.content.content?.length ?? 0), 0)
  return blocks <= TOC_LAYOUT_MAX_BLOCKS
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
