/**
 * The report templates shipped in templates/ (one data file each), validated once at load.
 * Adding a template = adding a JSON file here and to the list below.
 */
import { templateSchema } from '#shared/schemas/template'
import type { ReportTemplate } from '#shared/schemas/template'
import crcAlternative from '../templates/crc-alternative-report.json'
import crcLoipr from '../templates/crc-loipr-submission.json'
import upr from '../templates/upr-submission.json'
import blank from '../templates/blank.json'

const templates: ReportTemplate[] = [crcAlternative, crcLoipr, upr, blank].map(t => templateSchema.parse(t))

/** Every template, in the order the "new report" page offers them. */
export function listTemplates(): ReportTemplate[] {
  return templates
}

/** One template by id. */
export function findTemplate(id: string): ReportTemplate | undefined {
  return templates.find(t => t.id === id)
}
