/**
 * State shared while one report is written: warnings, footnotes, list numbering, and what the
 * current section needs (its notes, its comment markers, whether its paragraphs are numbered).
 */
import type { DocxDesc } from './docxDesc'
import { NumberingRegistry } from './numbering'
import { TrackedChangeIds } from './trackedChanges'
import type { CommentMarkers } from './commentMarkers'
import type { Labels } from './labels'
import type { ExportImage, PMNode } from '../types'

/** Where a block is written: decides numbering, styles and indents. */
export interface BlockEnv {
  /** Direct child of a section body: the only blocks that get paragraph numbers. */
  top: boolean
  /** List nesting depth (0 outside lists). */
  depth: number
  inFootnote: boolean
  inTable: boolean
  /** Paragraph style for the textblocks inside (quote, table text, footnote text). */
  style?: string
  /** Left indent (twips) of paragraphs that continue a list item. */
  indent?: number
  /** Width (twips) blocks have here when narrower than the page's text column: a table cell's, less its margins (a figure's picture fits it). */
  widthTwips?: number
}

/** The env of a section body's own blocks. */
export const TOP_ENV: BlockEnv = { top: true, depth: 0, inFootnote: false, inTable: false }

/** Render state of one export. */
export class RenderContext {
  readonly numbering = new NumberingRegistry()
  /** Ids of the Word tracked changes (review copy). */
  readonly changeIds = new TrackedChangeIds()
  /** docx `footnotes` option: id → paragraphs, ids 1… in reference order across the report. */
  readonly footnotes: Record<string, { children: DocxDesc[] }> = {}
  /** The current section's footnote nodes by id. */
  notes = new Map<string, PMNode>()
  /** The current section's comment markers, when comments are exported. */
  markers: CommentMarkers | null = null
  /** Whether the current section's body paragraphs are numbered. */
  numberParagraphs = false
  /** The current section's title, for warnings. */
  sectionTitle = ''
  /** The current section's index in export order (names its headings' bookmarks). */
  sectionIndex = 0
  /** Whether headings carry the bookmarks of a table of contents we write ourselves. */
  tocBookmarks = false
  /** The labels ("R12", "Q3") of the current section's recommendation blocks still to write, in order (shared/recommendationList.ts). */
  recommendationLabels: string[] = []
  /** The figures' pictures by image id (fetched from the store before the export started). */
  images: Record<string, ExportImage> = {}
  /** Figures written so far: the next one's number (SEQ Figure), across the report in export order. */
  figureCount = 0
  private footnoteCount = 0
  private readonly warned = new Map<string, number>()

  constructor(readonly labels: Labels) {}

  /** Records a warning once per message and section (repeats are counted, not repeated). */
  warn(message: string): void {
    const key = this.sectionTitle ? `${message} (section “${this.sectionTitle}”)` : message
    this.warned.set(key, (this.warned.get(key) ?? 0) + 1)
  }

  /** The warnings, each once, with a count when it happened more than once. */
  warnings(): string[] {
    return [...this.warned].map(([message, n]) => (n > 1 ? `${message} ×${n}` : message))
  }

  /** Adds a footnote; returns its number (= its docx id). */
  addFootnote(children: DocxDesc[]): number {
    const id = ++this.footnoteCount
    this.footnotes[String(id)] = { children }
    return id
  }
}
