/**
 * Words the server writes for a person to read, in their interface language: the disposition
 * CSV's headings (every language names every column; read back from the CSV text) and the name
 * of the version a restore saves first.
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

describe('the version a restore saves first', () => {
  it('is named in the restorer\'s interface language, English when none is set', async () => {
    const { backupVersionName } = await import('~~/server/reports/backupVersionName')
    expect(backupVersionName('Sent for peer review', null)).toBe('Before restoring “Sent for peer review”')
    expect(backupVersionName('Rəyə göndərildi', 'az')).toBe('“Rəyə göndərildi” bərpa edilməzdən əvvəl')
    expect(backupVersionName('Отправлено на рецензию', 'ru')).toBe('Перед восстановлением «Отправлено на рецензию»')
  })
})
