/**
 * What a Word import tells the person who imported: each notice has a stable code (the browser
 * words it in the interface language, locales/*.json `importNotice.*` and `notPlaced.*`) and an
 * English text for API clients. One table, so the server's English and the codes never drift.
 */

/** Kinds of import notice, with the English text for `count` of them. */
export const IMPORT_NOTICES = {
  'note-unreferenced': (n: number) => n > 1 ? `${n} notes without a reference in the text were left out` : 'A note without a reference in the text was left out',
  'sup-sub-plain': () => 'Superscript and subscript were imported as plain text',
  'images-left-out': (n: number) => `${n} image(s) were left out (a section holds text only)`,
  'internal-links-plain': () => 'Links to places inside the document were imported as plain text',
  'unsafe-links-plain': () => 'Links with an address that is not http, https or mailto were imported as plain text',
  'endnotes-as-footnotes': () => 'Endnotes were imported as footnotes',
  'resolved-comments-left-out': (n: number) => `${n} Word comment(s) marked resolved were left out`,
  'unranged-comments': (n: number) => `${n} Word comment(s) without a range were put at the start of the section`,
  'styles-plain': (_n: number, detail?: string) => `Text in these Word styles was imported as plain text: ${detail ?? ''}`,
  'unreadable-parts': (n: number) => `${n} part(s) of the file could not be read`,
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
