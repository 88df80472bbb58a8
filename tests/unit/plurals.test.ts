/**
 * Plurals, numbers and dates in the interface languages, through vue-i18n with the app's own
 * message files and plural rules (utils/pluralIndex.ts): Russian takes three forms ("1
 * комментарий", "2 комментария", "5 комментариев", "21 комментарий"), Azerbaijani keeps the noun
 * singular after a number ("1 şərh", "5 şərh"), English two; numbers and dates are the language's own.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { PLURAL_RULES, pluralIndex } from '~~/utils/pluralIndex'
import { formatDate, formatDateTime, formatDay, formatMinutesAgo, formatNumber, formatTime, intlKnows, useAzFallbackForTests } from '~~/utils/localeFormat'
import { formatCommentTime } from '~~/components/comments/commentTime'

const load = (code: string): Record<string, never> => JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', `${code}.json`), 'utf8'))
/** vue-i18n's composer, typed loosely: the message files are read at run time, not imported. */
interface LooseComposer { locale: { value: string }, t: (key: string, named: Record<string, unknown>, plural: number) => string }
const i18n = createI18n({ legacy: false, locale: 'en', fallbackLocale: 'en', pluralRules: PLURAL_RULES, messages: { en: load('en'), az: load('az'), ru: load('ru') } })
const composer = i18n.global as unknown as LooseComposer
const t = (locale: string, key: string, n: number) => {
  composer.locale.value = locale
  return composer.t(key, { n: formatNumber(n, locale) }, n)
}

describe('plurals', () => {
  it('counts comments in Russian with one, few and many forms', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 1000].map(n => t('ru', 'comments.count', n))).toEqual([
      '1 комментарий', '2 комментария', '5 комментариев', '11 комментариев', '21 комментарий', '22 комментария', '25 комментариев', '101 комментарий', '1 000 комментариев',
    ].map(s => s.replace(' 000', '\u00a0000')))
  })

  it('keeps the Azerbaijani noun singular after any number', () => {
    expect([1, 2, 5, 1000].map(n => t('az', 'comments.count', n))).toEqual(['1 şərh', '2 şərh', '5 şərh', '1.000 şərh'])
  })

  it('uses one and other in English', () => {
    expect([0, 1, 2, 1000].map(n => t('en', 'comments.count', n))).toEqual(['0 comments', '1 comment', '2 comments', '1,000 comments'])
    expect(t('en', 'words.count', 1)).toBe('1 word')
  })

  it('chooses forms by the CLDR rule, with fractions in Russian taking the "few" form', () => {
    expect(pluralIndex('ru', 1.5, 3)).toBe(1)
    expect(pluralIndex('ru', 0, 3)).toBe(2)
    expect(pluralIndex('az', 7, 1)).toBe(0)
    expect(pluralIndex('en', 1, 2)).toBe(0)
    // A message with fewer forms than the language has never reads past its last one.
    expect(pluralIndex('ru', 5, 2)).toBe(1)
  })

  it('writes every plural message of az.json with one form and of ru.json with three', () => {
    const leaves = (tree: Record<string, unknown>, out: string[] = []): string[] => {
      for (const v of Object.values(tree)) {
        if (typeof v === 'string') out.push(v)
        else leaves(v as Record<string, unknown>, out)
      }
      return out
    }
    const en = load('en')
    const plural = (messages: Record<string, unknown>) => leaves(messages).filter(m => m.includes(' | '))
    expect(plural(load('az'))).toEqual([])
    expect(plural(load('ru')).every(m => m.split(' | ').length === 3)).toBe(true)
    expect(plural(en).every(m => m.split(' | ').length === 2)).toBe(true)
  })
})

describe('numbers and dates in the interface language', () => {
  it('groups digits as each language does', () => {
    expect([formatNumber(12345, 'en'), formatNumber(12345, 'az'), formatNumber(12345, 'ru')]).toEqual(['12,345', '12.345', '12\u00a0345'])
  })

  it('writes a deadline with the language\'s month names', () => {
    expect(formatDay('2027-03-05', 'en')).toBe('March 5, 2027')
    expect(formatDay('2027-03-05', 'az')).toBe('5 mart 2027')
    expect(formatDay('2027-03-05', 'ru')).toBe('5 марта 2027 г.')
  })

  it('says how long ago a comment was written in the language', () => {
    const now = Date.UTC(2027, 2, 5, 12, 0)
    expect(formatCommentTime(now - 5 * 60_000, now, 'ru')).toBe('5 мин. назад')
    expect(formatCommentTime(now - 5 * 60_000, now, 'az')).toBe('5 dəqiqə öncə')
    expect(formatCommentTime(now - 5 * 60_000, now, 'en')).toBe('5 min. ago')
  })
})

describe('Azerbaijani where the browser\'s Intl lacks it (Chromium ships no az data)', () => {
  it('writes numbers, dates, times and "minutes ago" exactly as full ICU does', () => {
    expect(intlKnows('az')).toBe(true) // Node has full ICU: the reference
    const at = new Date(2027, 2, 5, 14, 5).getTime()
    const reference = () => [formatNumber(1234567.5, 'az'), formatNumber(1000, 'az'), formatDay('2027-03-05', 'az'), formatDate(at, 'az'), formatDate(at, 'az', false), formatTime(at, 'az'), formatDateTime(at, 'az'), formatMinutesAgo(5, 'az')]
    const intl = reference()
    useAzFallbackForTests(true)
    try {
      expect(reference()).toEqual(intl)
    } finally {
      useAzFallbackForTests(false)
    }
    expect(intl).toEqual(['1.234.567,5', '1.000', '5 mart 2027', '5 mar 2027', '5 mar', '14:05', '5 mar 2027, 14:05', '5 dəqiqə öncə'])
  })
})
