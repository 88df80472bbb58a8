/**
 * The templates in every report language: each file in templates/ gives every text (title,
 * description, treaty body, word-limit note, each section's title and guidance) in every language
 * of LANGUAGES, and the CRC clusters read as CRC/C/58/Rev.3's official versions name them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '#shared/schemas/report'
import { templateFileSchema } from '#shared/schemas/template'
import { findTemplate, listTemplates } from '../../server/templates'

const DIR = join(import.meta.dirname, '../../templates')
const FILES = readdirSync(DIR).filter(f => f.endsWith('.json'))
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8'))

type Texts = Record<string, unknown>

/** Every translated text of a template file, named for the failure message. */
function translatedTexts(file: ReturnType<typeof read>): Array<[string, Texts]> {
  const out: Array<[string, Texts]> = ['title', 'description', 'treatyBody', 'wordLimitNote'].map(k => [k, file[k]])
  for (const s of file.sections) out.push([`${s.key}.title`, s.title], [`${s.key}.guidance`, s.guidance])
  return out
}

const CLUSTERS = ['general-measures', 'definition', 'general-principles', 'civil-rights', 'violence', 'family', 'health', 'education', 'special-protection']
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']
const OFFICIAL: Record<string, string[]> = {
  en: ['General measures of implementation', 'Definition of the child', 'General principles', 'Civil rights and freedoms', 'Violence against children', 'Family environment and alternative care', 'Disability, basic health and welfare', 'Education, leisure and cultural activities', 'Special protection measures'],
  fr: ['Mesures d’application générales', 'Définition de l’enfant', 'Principes généraux', 'Libertés et droits civils', 'Violence à l’égard des enfants', 'Milieu familial et protection de remplacement', 'Handicap, santé de base et bien-être', 'Éducation, loisirs et activités culturelles', 'Mesures de protection spéciales'],
  es: ['Medidas generales de aplicación', 'Definición de niño', 'Principios generales', 'Derechos y libertades civiles', 'Violencia contra los niños', 'Entorno familiar y modalidades alternativas de cuidado', 'Discapacidad, salud básica y bienestar', 'Educación, esparcimiento y actividades culturales', 'Medidas especiales de protección'],
  ru: ['Общие меры по осуществлению', 'Определение понятия «ребенок»', 'Общие принципы', 'Гражданские права и свободы', 'Насилие в отношении детей', 'Семейное окружение и альтернативный уход', 'Инвалидность, базовое медицинское обслуживание и социальное обеспечение', 'Образование, досуг и культурная деятельность', 'Специальные меры защиты'],
}

describe('templates in every report language', () => {
  it('lists every file in templates/', () => {
    expect(listTemplates('en').map(t => `${t.id}.json`).sort()).toEqual([...FILES].sort())
  })

  for (const file of FILES) {
    it(`${file}: every text exists in every report language, and is filled wherever the English one is`, () => {
      for (const [name, texts] of translatedTexts(read(file))) {
        expect(Object.keys(texts ?? {}).sort(), `${file} ${name}`).toEqual([...LANGUAGES].sort())
        for (const language of LANGUAGES) {
          expect(typeof texts[language], `${file} ${name}.${language}`).toBe('string')
          if (texts.en) expect((texts[language] as string).trim(), `${file} ${name}.${language}`).not.toBe('')
        }
      }
    })
  }

  it('refuses to load a template missing one language of one section title', () => {
    const file = read('crc-alternative-report.json')
    delete file.sections[3].title.ru
    expect(() => templateFileSchema.parse(file)).toThrow(/ru/)
  })

  for (const id of ['crc-alternative-report', 'crc-loipr-submission']) {
    for (const [language, titles] of Object.entries(OFFICIAL)) {
      it(`${id}: the clusters in ${language} are CRC/C/58/Rev.3's, in order, with the same articles`, () => {
        const template = findTemplate(id, language as typeof LANGUAGES[number])!
        const english = findTemplate(id, 'en')!
        const clusters = template.sections.filter(s => CLUSTERS.includes(s.key))
        expect(clusters.map(s => s.title)).toEqual(titles.map((t, i) => `${ROMAN[i]}. ${t}`))
        expect(clusters.map(s => s.articles)).toEqual(english.sections.filter(s => CLUSTERS.includes(s.key)).map(s => s.articles))
      })
    }
  }

  it('names the treaty bodies as the UN does in each language', () => {
    const names = (id: string) => LANGUAGES.map(l => findTemplate(id, l)!.treatyBody)
    expect(names('crc-alternative-report')).toEqual(['Committee on the Rights of the Child', 'Comité des droits de l’enfant', 'Comité de los Derechos del Niño', 'Комитет по правам ребенка', 'Uşaq Hüquqları Komitəsi'])
    expect(names('upr-submission')).toEqual(['Human Rights Council — Universal Periodic Review', 'Conseil des droits de l’homme — Examen périodique universel', 'Consejo de Derechos Humanos — Examen Periódico Universal', 'Совет по правам человека — Универсальный периодический обзор', 'İnsan Hüquqları Şurası — Universal Dövri İcmal'])
  })

  it('keeps the API shape in each language: { id, title, description, wordLimit, sections } plus the languages offered', () => {
    for (const language of LANGUAGES) {
      for (const t of listTemplates(language)) {
        expect(t).toMatchObject({ id: expect.any(String), title: expect.any(String), description: expect.any(String), language, languages: [...LANGUAGES] })
        expect(t.wordLimit === null || typeof t.wordLimit === 'number').toBe(true)
        for (const s of t.sections) expect(s).toMatchObject({ key: expect.any(String), title: expect.any(String), guidance: expect.any(String), articles: expect.any(Array) })
      }
    }
  })
})
