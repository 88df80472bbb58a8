/**
 * The disposition CSV's headings exist in every interface language, name every column, and are
 * the header row of the CSV in the language asked for (read back from the CSV text).
 */
import { describe, expect, it } from 'vitest'
import { INTERFACE_LOCALES } from '#shared/schemas/preferences'
import { DISPOSITION_HEADINGS } from '~~/server/comments/dispositionHeadings'
import { dispositionCsv } from '~~/server/comments/dispositionCsv'

const headerRow = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',').map(c => JSON.parse(c) as string)

describe('disposition CSV headings', () => {
  it('names the same columns in every language, each heading written out', () => {
    const columns = Object.keys(DISPOSITION_HEADINGS.en).sort()
    for (const locale of INTERFACE_LOCALES) {
      expect(Object.keys(DISPOSITION_HEADINGS[locale]).sort(), locale).toEqual(columns)
      expect(Object.values(DISPOSITION_HEADINGS[locale]).every(h => h.trim().length > 0), locale).toBe(true)
    }
  })

  it('writes the header row in the language asked for, English by default', () => {
    expect(headerRow(dispositionCsv([])).slice(0, 3)).toEqual(['Section', 'Excerpt', 'Comment'])
    expect(headerRow(dispositionCsv([], 'az')).slice(0, 4)).toEqual(['Bölmə', 'Mətn parçası', 'Şərh', 'Təklif olunan dəyişiklik'])
    expect(headerRow(dispositionCsv([], 'ru'))).toEqual(['Раздел', 'Фрагмент', 'Комментарий', 'Предложенная замена', 'Рецензент', 'Дата', 'Статус', 'Решение принял(а)', 'Причина', 'Ответы', 'Тип', 'Дата решения'])
  })
})
