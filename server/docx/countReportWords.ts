/**
 * The word count of a report as the UN counts it for a limit: body text and footnotes of every
 * section that counts toward the limit, section titles included; annexes excluded.
 */
import { countJsonWords, countWords } from '#shared/wordCount'
import type { ExportInput } from './types'

/** Words of the report, per counted section, and whether `meta.wordLimit` is exceeded. */
export interface ReportWordCount {
  words: number
  limit: number | null
  overLimit: boolean
  sections: Array<{ id: string, words: number }>
}

/** Counts the words the UI shows before export (warn when `overLimit`). */
export function countReportWords(input: Pick<ExportInput, 'meta' | 'sections'>): ReportWordCount {
  const sections = input.sections
    .filter(s => s.countsTowardLimit)
    .map(s => ({ id: s.id, words: countWords(s.title) + countJsonWords(s.content) }))
  const words = sections.reduce((n, s) => n + s.words, 0)
  const limit = input.meta.wordLimit ?? null
  return { words, limit, overLimit: limit !== null && words > limit, sections }
}
