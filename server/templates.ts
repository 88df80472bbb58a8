/**
 * The report templates shipped in templates/ (one data file each, every text in every report
 * language), validated once at load and handed out in one language at a time.
 * Adding a template = adding a JSON file here and to the list below.
 */
import { LANGUAGES, type ReportLanguage } from '#shared/schemas/report'
import { templateFileSchema, type ReportTemplate, type TemplateFile } from '#shared/schemas/template'
import crcAlternative from '../templates/crc-alternative-report.json'
import crcLoipr from '../templates/crc-loipr-submission.json'
import upr from '../templates/upr-submission.json'
import blank from '../templates/blank.json'

const files: TemplateFile[] = [crcAlternative, crcLoipr, upr, blank].map(t => templateFileSchema.parse(t))

function inLanguage(file: TemplateFile, language: ReportLanguage): ReportTemplate {
  return {
    ...file,
    language,
    languages: LANGUAGES,
    title: file.title[language],
    description: file.description[language],
    treatyBody: file.treatyBody[language],
    wordLimitNote: file.wordLimitNote[language],
    sections: file.sections.map(s => ({ ...s, title: s.title[language], guidance: s.guidance[language] })),
  }
}

const byLanguage = new Map(LANGUAGES.map(l => [l, files.map(f => inLanguage(f, l))]))

/** Every template in `language`, in the order the "new report" page offers them. */
export function listTemplates(language: ReportLanguage = 'en'): ReportTemplate[] {
  return byLanguage.get(language)!
}

/** One template by id, in `language`. */
export function findTemplate(id: string, language: ReportLanguage = 'en'): ReportTemplate | undefined {
  return listTemplates(language).find(t => t.id === id)
}

/** Each template's treaty body in every language (the export names it in the report's language). */
export function treatyBodyNames(): Array<Record<ReportLanguage, string>> {
  return files.map(f => f.treatyBody)
}
