/**
 * Plain data shared by the DOCX exporter and importer: ProseMirror JSON and the export input.
 * Kept free of Yjs and docx types so the exporter can be tested (and benchmarked) from JSON alone.
 */
import type { ReportMeta } from '#shared/schemas/report'

/** A mark in ProseMirror JSON. */
export interface PMMark {
  type: string
  attrs?: Record<string, unknown>
}

/** A node in ProseMirror JSON (`Node.toJSON()`), as loose as the format itself. */
export interface PMNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PMNode[]
  text?: string
  marks?: PMMark[]
}

/** One section of the report, in export order as stored (annexes are moved last by the exporter). */
export interface ExportSection {
  id: string
  title: string
  /** False for annexes: after the body, not numbered, not counted. */
  countsTowardLimit: boolean
  /** The section body, a `doc` node of `chorusSchema()`. */
  content: PMNode
  /** Built by Chorus, not stored (shared/schemas/report.ts GENERATED_SECTIONS): `recommendations` = the summary. */
  generated?: string | null
  /** Headed by the generated list of priority recommendations. */
  priorityList?: boolean
}

/** A reply in an open thread. */
export interface ExportCommentReply {
  id: string
  authorName: string
  createdAt: number
  body: string
}

/** An open (unresolved) comment thread with its anchor resolved to positions in the section's doc. */
export interface ExportComment {
  id: string
  sectionId: string
  /** ProseMirror positions in the section doc; null when the anchor no longer resolves. */
  from: number | null
  to: number | null
  /** The commented text when the thread was opened. */
  quote: string
  authorName: string
  createdAt: number
  body: string
  /** An open suggested replacement, if any. */
  suggestion?: string
  replies: ExportCommentReply[]
}

/** A figure's picture, as stored with the report (server/repos/images.ts). */
export interface ExportImage {
  mime: string
  width: number
  height: number
  data: Uint8Array
}

/** Everything the exporter needs, as plain data. */
export interface ExportInput {
  meta: ReportMeta
  sections: ExportSection[]
  comments: ExportComment[]
  /** The pictures of the figures, by `imageId` (sha256); a figure whose picture is absent is written as a placeholder. */
  images?: Record<string, ExportImage>
}

/** Options of `exportDocx`. */
export interface ExportOptions {
  /** Write open comment threads as Word comments. Default false. */
  comments?: boolean
  /** Number body paragraphs 1., 2., 3. … across the report. Default `meta.numberedParagraphs`. */
  numberedParagraphs?: boolean
  /** The date printed on the cover. Default: the report's submission date (`meta.submissionDate`), else now. */
  date?: Date
  /** Leave out sections with no text (and, in the review copy, no open comments). Default: true for the clean copy, false for the review copy. */
  skipEmptySections?: boolean
  /** A confidentiality line in the header of every page. Default: when the report is confidential. */
  confidentialHeader?: boolean
  /**
   * Write the page numbers of the table of contents, laid out by docx's page estimator, so
   * applications that do not update fields (LibreOffice, Word when the user declines) show them.
   * The layout is slow (~0.25 s for 5 pages, ~5 s for 100), so `'auto'` (the default) lays out
   * reports of up to 400 blocks and leaves longer ones' numbers to Word's update on opening.
   */
  tocPageNumbers?: boolean | 'auto'
}

/** What `exportDocx` returns. */
export interface ExportResult {
  buffer: Buffer
  warnings: string[]
}
