/**
 * A report's language, over HTTP on the built server: the templates come in each report language,
 * creating a CRC report in French, Spanish or Russian seeds the clusters as CRC/C/58/Rev.3's
 * official versions name them, and its Word file names the Committee in that language on the cover.
 */
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { setupAdmin } from '../support/api'
import type { Api } from '../support/api'
import { paragraphs, xmlText } from '../fixtures-gen/readDocx'

const CASES = {
  fr: { committee: 'Comité des droits de l’enfant', contents: 'Table des matières', clusters: ['I. Mesures d’application générales', 'II. Définition de l’enfant', 'III. Principes généraux', 'IV. Libertés et droits civils', 'V. Violence à l’égard des enfants', 'VI. Milieu familial et protection de remplacement', 'VII. Handicap, santé de base et bien-être', 'VIII. Éducation, loisirs et activités culturelles', 'IX. Mesures de protection spéciales'] },
  es: { committee: 'Comité de los Derechos del Niño', contents: 'Índice', clusters: ['I. Medidas generales de aplicación', 'II. Definición de niño', 'III. Principios generales', 'IV. Derechos y libertades civiles', 'V. Violencia contra los niños', 'VI. Entorno familiar y modalidades alternativas de cuidado', 'VII. Discapacidad, salud básica y bienestar', 'VIII. Educación, esparcimiento y actividades culturales', 'IX. Medidas especiales de protección'] },
  ru: { committee: 'Комитет по правам ребенка', contents: 'Содержание', clusters: ['I. Общие меры по осуществлению', 'II. Определение понятия «ребенок»', 'III. Общие принципы', 'IV. Гражданские права и свободы', 'V. Насилие в отношении детей', 'VI. Семейное окружение и альтернативный уход', 'VII. Инвалидность, базовое медицинское обслуживание и социальное обеспечение', 'VIII. Образование, досуг и культурная деятельность', 'IX. Специальные меры защиты'] },
}

/** The texts of the cover's kicker (the treaty body) and of the contents heading of an exported report. */
async function exportedCover(api: Api, reportId: string): Promise<{ kicker: string[], contents: string[] }> {
  const res = await api.raw('GET', `/api/reports/${reportId}/export.docx`)
  expect(res.status).toBe(200)
  const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string')
  const styled = (style: string) => paragraphs(xml).filter(p => p.includes(`<w:pStyle w:val="${style}"/>`)).map(xmlText)
  return { kicker: styled('ChorusCoverKicker'), contents: styled('TOCHeading') }
}

describe('the report language over HTTP', () => {
  let server: ServerHandle
  let api: Api

  beforeAll(async () => {
    server = await startServer()
    api = (await setupAdmin(server.url)).api
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('GET /api/templates?lang= gives the templates in that language, in the contract shape, and refuses an unknown language', async () => {
    const english = await api.call('GET', '/api/templates')
    const russian = await api.call('GET', '/api/templates?lang=ru')
    expect(russian.map((t: { id: string }) => t.id)).toEqual(english.map((t: { id: string }) => t.id))
    const crc = russian.find((t: { id: string }) => t.id === 'crc-alternative-report')
    expect(crc).toMatchObject({ title: 'Альтернативный доклад Комитету по правам ребенка', wordLimit: 10000, language: 'ru', languages: ['en', 'fr', 'es', 'ru', 'az'] })
    expect(crc.sections.map((s: { title: string }) => s.title)).toContain('V. Насилие в отношении детей')
    expect(english[0]).toMatchObject({ id: 'crc-alternative-report', title: 'CRC alternative report', language: 'en' })
    const bad = await api.raw('GET', '/api/templates?lang=de')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ statusCode: 400 })
  })

  for (const [language, want] of Object.entries(CASES)) {
    it(`a CRC report created in ${language} is seeded with the official cluster titles and its Word cover names the Committee in ${language}`, async () => {
      const { id } = await api.call('POST', '/api/reports', { title: `Report ${language}`, templateId: 'crc-alternative-report', language })
      const report = await api.call('GET', `/api/reports/${id}`)
      expect(report.meta).toMatchObject({ language, treatyBody: want.committee })
      const titles: string[] = report.sections.map((s: { title: string }) => s.title)
      expect(titles.filter(t => /^[IVX]+\. /.test(t))).toEqual(want.clusters)
      expect(report.sections.find((s: { title: string }) => s.title === want.clusters[4]).articles).toEqual(['19', '24(3)', '28(2)', '34', '37(a)', '39'])
      expect(await exportedCover(api, id)).toEqual({ kicker: [want.committee], contents: [want.contents] })
    })
  }

  it('a thematic LOIPR submission is created with 3,000 words and no section budgets; a comprehensive one with 10,000 and its budgets', async () => {
    const thematic = await api.call('POST', '/api/reports', { title: 'Thematic', templateId: 'crc-loipr-submission', scope: 'thematic' })
    const t = await api.call('GET', `/api/reports/${thematic.id}`)
    expect(t.meta.wordLimit).toBe(3000)
    expect(t.sections.every((s: { wordBudget: number | null }) => s.wordBudget === null)).toBe(true)
    const comprehensive = await api.call('POST', '/api/reports', { title: 'Comprehensive', templateId: 'crc-loipr-submission', scope: 'comprehensive' })
    const c = await api.call('GET', `/api/reports/${comprehensive.id}`)
    expect(c.meta.wordLimit).toBe(10000)
    expect(c.sections.some((s: { wordBudget: number | null }) => s.wordBudget === 900)).toBe(true)
    const bad = await api.raw('POST', '/api/reports', { title: 'Bad', templateId: 'crc-loipr-submission', scope: 'partial' })
    expect(bad.status).toBe(400)
  })

  it('a report whose language is changed later has its cover follow: the treaty body Chorus seeded is written in the new language', async () => {
    const { id } = await api.call('POST', '/api/reports', { title: 'Changed later', templateId: 'upr-submission' })
    await api.call('PATCH', `/api/reports/${id}`, { language: 'az' })
    expect(await exportedCover(api, id)).toEqual({ kicker: ['İnsan Hüquqları Şurası — Universal Dövri İcmal'], contents: ['Mündəricat'] })
  })
})
