/**
 * The document's styles. Times New Roman 12 pt: the typeface of UN documents, present wherever Word
 * is, and metric-compatible with Liberation Serif, so LibreOffice (and docx's page estimator) lay
 * the pages out as Word does. Headings are Word's own "heading 1–3" (outline levels 0–2), so the
 * navigation pane and the table of contents work.
 */
import type { IBaseParagraphStyleOptions, IStylesOptions } from 'docx'

export const FONT = 'Times New Roman'

/** Paragraph style ids of our own styles. */
export const STYLE = {
  quote: 'ChorusQuote',
  tableText: 'ChorusTableText',
  tableHeader: 'ChorusTableHeading',
  coverKicker: 'ChorusCoverKicker',
  coverTitle: 'ChorusCoverTitle',
  coverSubtitle: 'ChorusCoverSubtitle',
  coverLabel: 'ChorusCoverLabel',
  coverText: 'ChorusCoverText',
  coverStatement: 'ChorusCoverStatement',
  /** The CONFIDENTIAL mark: styled so an import of the export knows it for part of the cover. */
  coverMark: 'ChorusCoverMark',
  /** "Page" over the contents' page numbers: styled so an import leaves it out with the contents. */
  tocPage: 'ChorusTocPage',
  tocHeading: 'TOCHeading',
  commentText: 'CommentText',
  /** Word's built-in caption style (same id and name), so Word's "Insert Table of Figures" finds the captions. */
  caption: 'Caption',
  /** A proposed recommendation or question for the State, and its label and articles. */
  recommendation: 'Recommendation',
  /** Heads a group of the generated summary (a section's recommendations) and the priority list. */
  recommendationGroup: 'RecommendationGroup',
} as const

const pt = (points: number) => points * 2 // half-points
const black = '000000'
// docx's enum values are written as their string literals (e.g. 'both' for AlignmentType.JUSTIFIED),
// so this thread never loads docx at run time: only the packing worker does.

/** The document's styles for a language (BCP 47, e.g. `en-GB`). */
export function documentStyles(locale: string): IStylesOptions {
  const heading = (size: number, before: number, outlineLevel: number, italics = false): IBaseParagraphStyleOptions => ({
    run: { font: FONT, size: pt(size), bold: true, italics, color: black },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel, alignment: 'left' },
  })
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(12), language: { value: locale } },
        paragraph: { spacing: { after: 120, line: 240, lineRule: 'auto' }, alignment: 'both' },
      },
      title: { run: { font: FONT, size: pt(20), bold: true, color: black } },
      heading1: heading(14, 360, 0),
      heading2: heading(12, 240, 1),
      heading3: heading(12, 200, 2, true),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
      hyperlink: { run: { color: '1F4E79', underline: {} } },
      footnoteText: { run: { font: FONT, size: pt(10) }, paragraph: { spacing: { after: 40 }, indent: { left: 284, hanging: 284 }, alignment: 'left' } },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: STYLE.quote, name: 'Quote', basedOn: 'Normal', quickFormat: true,
        run: { size: pt(11) },
        paragraph: { indent: { left: 1134, right: 567 }, spacing: { before: 60, after: 120 } },
      },
      { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { spacing: { before: 40, after: 40 }, alignment: 'left' } },
      { id: STYLE.tableHeader, name: 'Table Heading', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } },
      { id: STYLE.coverKicker, name: 'Cover Kicker', basedOn: 'Normal', run: { size: pt(11), allCaps: true, characterSpacing: 20, color: '404040' }, paragraph: { alignment: 'center', spacing: { before: 1800, after: 240 } } },
      { id: STYLE.coverTitle, name: 'Cover Title', basedOn: 'Normal', next: STYLE.coverSubtitle, run: { size: pt(20), bold: true }, paragraph: { alignment: 'center', spacing: { before: 120, after: 360 } } },
      { id: STYLE.coverSubtitle, name: 'Cover Subtitle', basedOn: 'Normal', run: { size: pt(13) }, paragraph: { alignment: 'center', spacing: { after: 80 } } },
      { id: STYLE.coverLabel, name: 'Cover Label', basedOn: 'Normal', run: { size: pt(10), allCaps: true, characterSpacing: 10, color: '595959' }, paragraph: { alignment: 'center', spacing: { before: 360, after: 40 }, keepNext: true } },
      { id: STYLE.coverText, name: 'Cover Text', basedOn: 'Normal', paragraph: { alignment: 'center', spacing: { after: 40 } } },
      { id: STYLE.coverMark, name: 'Cover Mark', basedOn: 'Normal', paragraph: { alignment: 'right' } },
      { id: STYLE.tocPage, name: 'TOC Page', basedOn: 'Normal', paragraph: { alignment: 'right', keepNext: true } },
      { id: STYLE.coverStatement, name: 'Cover Statement', basedOn: 'Normal', run: { size: pt(10), italics: true }, paragraph: { alignment: 'center', spacing: { before: 600 }, indent: { left: 567, right: 567 } } },
      // Word's own TOC styles (same ids), so "Update table" keeps this look.
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { bold: true }, paragraph: { spacing: { before: 120, after: 60 }, alignment: 'left' } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', uiPriority: 39, paragraph: { spacing: { after: 40 }, indent: { left: 284 }, alignment: 'left' } },
      { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { italics: true }, paragraph: { spacing: { after: 40 }, indent: { left: 567 }, alignment: 'left' } },
      { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: pt(14), bold: true }, paragraph: { spacing: { after: 240 }, alignment: 'left' } },
      { id: STYLE.caption, name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: pt(10) }, paragraph: { spacing: { before: 60, after: 240 } } },
      // Set apart as the Committee's own concluding observations set their recommendations: indented, a rule at the left.
      {
        id: STYLE.recommendation, name: 'Recommendation', basedOn: 'Normal', quickFormat: true,
        paragraph: { indent: { left: 567 }, spacing: { before: 60, after: 120 }, border: { left: { style: 'single', size: 12, color: '1F4E79', space: 8 } } },
      },
      { id: STYLE.recommendationGroup, name: 'Recommendation Group', basedOn: 'Normal', next: STYLE.recommendation, run: { bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, alignment: 'left' } },
      { id: STYLE.commentText, name: 'annotation text', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { alignment: 'left', spacing: { after: 0 } } },
    ],
  }
}
