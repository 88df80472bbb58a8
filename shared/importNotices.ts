/**
 * What a Word import tells the person who imported: each notice has a stable code (the browser
 * words it in the interface language, locales/*.json `importNotice.*` and `notPlaced.*`) and an
 * English text for API clients. One table, so the server's English and the codes never drift.
 */

/** Kinds of import notice, with the English text for `count` of them. */
export const IMPORT_NOTICES = {
  'note-unreferenced': (n: number) => n > 1 ? `${n} notes without a reference in the text were left out` : 'A note without a reference in the text was left out',
  'images-left-out': (n: number) => n > 1 ? `${n} pictures could not be imported: a figure takes PNG, JPEG, GIF or WebP pictures within the size limit, outside headings and notes` : 'A picture could not be imported: a figure takes PNG, JPEG, GIF or WebP pictures within the size limit, outside headings and notes',
  'charts-left-out': (n: number) => n > 1 ? `${n} charts could not be imported: they are drawings, not pictures` : 'A chart could not be imported: it is a drawing, not a picture',
  'diagrams-left-out': (n: number) => n > 1 ? `${n} SmartArt diagrams could not be imported: they are drawings, not pictures` : 'A SmartArt diagram could not be imported: it is a drawing, not a picture',
  'shapes-left-out': (n: number) => n > 1 ? `${n} shapes (arrows, boxes, lines) could not be imported` : 'A shape (arrow, box, line) could not be imported',
  'equations-left-out': (n: number) => n > 1 ? `${n} equations could not be imported` : 'An equation could not be imported',
  'symbols-left-out': (n: number) => n > 1 ? `${n} symbols from a symbol font (such as Wingdings) were left out` : 'A symbol from a symbol font (such as Wingdings) was left out',
  'internal-links-plain': (n: number) => n > 1 ? `${n} links to places inside the document became plain text` : 'A link to a place inside the document became plain text',
  'unsafe-links-plain': (n: number) => n > 1 ? `${n} links with an address that is not a web or e-mail address became plain text` : 'A link with an address that is not a web or e-mail address became plain text',
  'endnotes-as-footnotes': (n: number) => n > 1 ? `${n} endnotes became footnotes (a report has footnotes only)` : 'An endnote became a footnote (a report has footnotes only)',
  'page-breaks-dropped': (n: number) => n > 1 ? `${n} page breaks inside a list, table or note were left out` : 'A page break inside a list, table or note was left out',
  'resolved-comments-left-out': (n: number) => `${n} Word comment(s) marked resolved were left out`,
  'unranged-comments': (n: number) => `${n} Word comment(s) without a range were put at the start of the section`,
  'styles-plain': (_n: number, detail?: string) => `Paragraphs in these Word styles became ordinary paragraphs: ${detail ?? ''}`,
  'unreadable-parts': (n: number) => n > 1 ? `${n} kinds of content could not be read and were left out` : 'One kind of content could not be read and was left out',
} as const

export type ImportNoticeCode = keyof typeof IMPORT_NOTICES

/** One kind of notice, how often it occurred, and (for styles) what it concerns. */
export interface ImportNotice { code: ImportNoticeCode, count: number, detail?: string }

/** The English text of a notice. */
export function noticeText(n: ImportNotice): string {
  return IMPORT_NOTICES[n.code](n.count, n.detail)
}

/** Why something of a reviewed Word file was not placed: code → English. */
export const NOT_PLACED_REASONS = {
  'section-final': 'the section is final',
  'section-gone': 'the section is no longer in the report',
  'off-text': 'not on the text of a section',
  'changed-too-much': 'the section changed too much to compare',
  'text-gone': 'the text is no longer in the report',
  'no-context': 'no text around it is left in the report',
  'words-gone': 'the words it was on are no longer in the report',
} as const

export type NotPlacedReason = keyof typeof NOT_PLACED_REASONS
