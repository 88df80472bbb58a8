/**
 * The word count of a report as the UN counts it for a limit: body text and footnotes of every
 * section that counts toward the limit, section titles included; annexes excluded.
 */
import { countJsonWords, countWords } from '#shared/wordCount'
import { generatedWords } from '#shared/generatedWords'
import { recommendationList } from '#shared/recommendationList'
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
  // The generated lists repeat blocks in the document the Committee receives: their words count too.
  const blocks = recommendationList(input.sections).flatMap(g => g.items).map(i => ({ words: countJsonWords(i.node), priority: i.priority }))
  const extra = generatedWords(input.sections, blocks)
  const sections = input.sections
    .filter(s => s.countsTowardLimit)
    .map(s => ({ id: s.id, words: countWords(s.title) + countJsonWords(s.content) + (extra[s.id] ?? 0) }))
  const words = sections.reduce((n, s) => n + s.words, 0)
  const limit = input.meta.wordLimit ?? null
  return { words, limit, overLimit: limit !== null && words > limit, sections }
}
