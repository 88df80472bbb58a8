/**
 * The report's language decides every word the exporter writes itself: the cover (the Committee's
 * name, the labels, the date, the publication statement), the contents page and the document
 * language Word's spell checker uses. Each language's expected words are written out here, not
 * read from the labels table, so a missing or wrong entry fails.
 */
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type ReportMeta } from '#shared/schemas/report'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { commentOn } from '../fixtures-gen/sampleComments'
import { docxParts, paragraphs, xmlText } from '../fixtures-gen/readDocx'

const DATE = new Date('2027-02-15T12:00:00Z')

interface Expected {
  wLang: string
  committee: string
  council: string
  contents: string
  page: string
  stateParty: string
  submittedBy: string
  date: string
  confidential: string
  publicStatement: string
  confidentialStatement: string
}

const EXPECTED: Record<ReportMeta['language'], Expected> = {
  en: {
    wLang: 'en-GB',
    committee: 'Committee on the Rights of the Child',
    council: 'Human Rights Council — Universal Periodic Review',
    contents: 'Contents',
    page: 'Page',
    stateParty: 'State party',
    submittedBy: 'Submitted by',
    date: '15 February 2027',
    confidential: 'CONFIDENTIAL',
    publicStatement: 'The authors consent to the publication',
    confidentialStatement: 'The authors do not consent to its publication',
  },
  fr: {
    wLang: 'fr-FR',
    committee: 'Comité des droits de l’enfant',
    council: 'Conseil des droits de l’homme — Examen périodique universel',
    contents: 'Table des matières',
    page: 'Page',
    stateParty: 'État partie',
    submittedBy: 'Présenté par',
    date: '15 février 2027',
    confidential: 'CONFIDENTIEL',
    publicStatement: 'Les auteurs consentent à la publication',
    confidentialStatement: 'Les auteurs ne consentent pas à sa publication',
  },
  es: {
    wLang: 'es-ES',
    committee: 'Comité de los Derechos del Niño',
    council: 'Consejo de Derechos Humanos — Examen Periódico Universal',
    contents: 'Índice',
    page: 'Página',
    stateParty: 'Estado parte',
    submittedBy: 'Presentado por',
    date: '15 de febrero de 2027',
    confidential: 'CONFIDENCIAL',
    publicStatement: 'Los autores consienten en la publicación',
    confidentialStatement: 'Los autores no consienten en su publicación',
  },
  ru: {
    wLang: 'ru-RU',
    committee: 'Комитет по правам ребенка',
    council: 'Совет по правам человека — Универсальный периодический обзор',
    contents: 'Содержание',
    page: 'Стр.',
    stateParty: 'Государство-участник',
    submittedBy: 'Представлено',
    date: '15 февраля 2027 г.',
    confidential: 'КОНФИДЕНЦИАЛЬНО',
    publicStatement: 'Авторы согласны на публикацию',
    confidentialStatement: 'Авторы не дают согласия на его публикацию',
  },
  az: {
    wLang: 'az-Latn-AZ',
    committee: 'Uşaq Hüquqları Komitəsi',
    council: 'İnsan Hüquqları Şurası — Universal Dövri İcmal',
    contents: 'Mündəricat',
    page: 'Səhifə',
    stateParty: 'İştirakçı dövlət',
    submittedBy: 'Təqdim edən',
    date: '15 fevral 2027',
    confidential: 'MƏXFİ',
    publicStatement: 'Müəlliflər bu hesabatın',
    confidentialStatement: 'Müəlliflər onun tam və ya qismən dərc edilməsinə razılıq vermirlər',
  },
}

/** The sample report in a Y.Doc as the app stores it, exported; its document and styles parts. */
async function exported(meta: Partial<ReportMeta>): Promise<{ document: string, styles: string, paras: string[] }> {
  const { buffer, warnings } = await exportDocx(reportExportInput(reportYDoc(sampleReport(meta))), { date: DATE, tocPageNumbers: false })
  expect(warnings).toEqual([])
  const parts = await docxParts(buffer)
  return { document: parts['word/document.xml']!, styles: parts['word/styles.xml']!, paras: paragraphs(parts['word/document.xml']!) }
}

const styled = (paras: string[], style: string) => paras.filter(p => p.includes(`<w:pStyle w:val="${style}"/>`)).map(xmlText)

describe('the export in each report language', () => {
  it('offers English, French, Spanish, Russian and Azerbaijani as report languages', () => {
    expect([...LANGUAGES]).toEqual(['en', 'fr', 'es', 'ru', 'az'])
  })

  for (const language of LANGUAGES) {
    const want = EXPECTED[language]

    it(`${language}: the cover, contents page and document language are in the report language`, async () => {
      // The template seeds the English name; the cover follows the report's language.
      const { styles, paras } = await exported({ language, treatyBody: 'Committee on the Rights of the Child' })
      expect(styles).toMatch(new RegExp(`<w:docDefaults>.*<w:lang w:val="${want.wLang}"/>`, 's'))
      expect(styled(paras, 'ChorusCoverKicker')).toEqual([want.committee])
      expect(styled(paras, 'ChorusCoverSubtitle')).toContain(`${want.stateParty}: Republic of Arcadia`)
      expect(styled(paras, 'ChorusCoverLabel')).toContain(want.submittedBy)
      expect(styled(paras, 'ChorusCoverText')).toContain(want.date)
      const statement = styled(paras, 'ChorusCoverStatement')
      expect(statement).toHaveLength(1)
      expect(statement[0]).toContain(want.publicStatement)
      expect(styled(paras, 'TOCHeading')).toEqual([want.contents])
      // UN documents head the page column of their contents with "Page": right-aligned, before the entries.
      const pageLabel = paras.find(p => xmlText(p) === want.page)
      expect(pageLabel).toBeDefined()
      expect(pageLabel).toContain('<w:jc w:val="right"/>')
      expect(paras.indexOf(pageLabel!)).toBe(paras.findIndex(p => p.includes('TOCHeading')) + 1)
    })

    it(`${language}: a confidential report says so in the report language`, async () => {
      const { paras } = await exported({ language, confidentiality: 'confidential' })
      expect(paras.map(xmlText)).toContain(want.confidential)
      expect(styled(paras, 'ChorusCoverStatement')[0]).toContain(want.confidentialStatement)
    })

    it(`${language}: the UPR's treaty body (seeded in another language) is named in the report language`, async () => {
      const seededIn = language === 'fr' ? 'ru' : 'fr'
      const { paras } = await exported({ language, treatyBody: EXPECTED[seededIn].council })
      expect(styled(paras, 'ChorusCoverKicker')).toEqual([want.council])
    })
  }

  it('labels a suggested replacement in a review copy in the report language (Russian, Azerbaijani)', async () => {
    for (const [language, label] of [['ru', 'Предлагаемая замена'], ['az', 'Təklif olunan əvəzedici mətn']] as const) {
      const doc = reportYDoc(sampleReport({ language }))
      commentOn(doc, 'sec-cluster-v', 'pre-trial detention', { author: { id: 'u-ana', name: 'Ana Ruiz' }, body: 'Name them.', suggestion: 'police custody', now: 1_800_000_000_000 })
      const { buffer } = await exportDocx(reportExportInput(doc), { comments: true, date: DATE, tocPageNumbers: false })
      expect(xmlText((await docxParts(buffer))['word/comments.xml']!)).toContain(`${label}: “police custody”`)
    }
  })

  it('writes a treaty body the secretariat typed itself as typed', async () => {
    const { paras } = await exported({ language: 'ru', treatyBody: 'Committee against Torture' })
    expect(styled(paras, 'ChorusCoverKicker')).toEqual(['Committee against Torture'])
  })

  it('names the document "Alternative report" in its language when no treaty body is set', async () => {
    const { paras } = await exported({ language: 'az', treatyBody: '' })
    expect(styled(paras, 'ChorusCoverKicker')).toEqual(['Alternativ hesabat'])
  })
})
