/**
 * The treaty body's name on the cover, in the report's language. A report is seeded with its
 * template's name in the language it was created in; when the secretariat later changes the
 * report's language, the name Chorus wrote follows it. A name the secretariat typed itself (one no
 * template gives) is written as typed.
 */
import type { ReportLanguage } from '#shared/schemas/report'
import { treatyBodyNames } from '../../templates'

/** Apostrophes, dashes, case and spacing vary between a typed and a seeded name. */
const comparable = (name: string) => name.normalize('NFC').replace(/[’‘`]/g, '\'').replace(/[–—-]/g, '-').replace(/\s+/g, ' ').trim().toLocaleLowerCase()

let known: Map<string, Record<ReportLanguage, string>> | null = null

/** `name` in `language` when it is a template's treaty body in any language; otherwise `name`. */
export function treatyBodyName(name: string, language: ReportLanguage): string {
  known ??= new Map(treatyBodyNames().flatMap(names => Object.values(names).filter(Boolean).map(n => [comparable(n), names] as const)))
  return known.get(comparable(name))?.[language] ?? name
}
