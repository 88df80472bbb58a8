/**
 * The disposition table's column headings in each interface language (shared/schemas/preferences.ts):
 * the secretariat that downloads it reads it in its own language, like the rest of Chorus.
 * tests/unit/serverWords.test.ts checks every language names every column.
 */
import type { InterfaceLocale } from '#shared/schemas/preferences'

export type DispositionColumn = 'section' | 'excerpt' | 'comment' | 'suggestedText' | 'who' | 'date' | 'status' | 'decidedBy' | 'reason' | 'replies' | 'kind' | 'decidedAt'

export const DISPOSITION_HEADINGS: Record<InterfaceLocale, Record<DispositionColumn, string>> = {
  en: {
    section: 'Section', excerpt: 'Excerpt', comment: 'Comment', suggestedText: 'Suggested replacement', who: 'Reviewer', date: 'Date',
    status: 'Status', decidedBy: 'Decided by', reason: 'Reason', replies: 'Replies', kind: 'Type', decidedAt: 'Decided on',
  },
  az: {
    section: 'Bölmə', excerpt: 'Mətn parçası', comment: 'Şərh', suggestedText: 'Təklif olunan dəyişiklik', who: 'Rəyçi', date: 'Tarix',
    status: 'Status', decidedBy: 'Qərar verən', reason: 'Səbəb', replies: 'Cavablar', kind: 'Növ', decidedAt: 'Qərar tarixi',
  },
  ru: {
    section: 'Раздел', excerpt: 'Фрагмент', comment: 'Комментарий', suggestedText: 'Предложенная замена', who: 'Рецензент', date: 'Дата',
    status: 'Статус', decidedBy: 'Решение принял(а)', reason: 'Причина', replies: 'Ответы', kind: 'Тип', decidedAt: 'Дата решения',
  },
}

/**
 * What the "Suggested replacement" column says for a suggested deletion (a thread suggesting an
 * empty replacement, or a tracked deletion): the cell would otherwise be empty, which a reviewer
 * reads as "no change proposed". The deleted words (trimmed) are quoted as each language quotes.
 */
export const DISPOSITION_DELETION: Record<InterfaceLocale, (words: string) => string> = {
  en: words => (words ? `(delete: “${words}”)` : '(delete)'),
  az: words => (words ? `(silinsin: “${words}”)` : '(silinsin)'),
  ru: words => (words ? `(удалить: «${words}»)` : '(удалить)'),
}
