/**
 * The report languages as a person picks them: each by its own name (the same in every interface
 * language, as language pickers do), and the report language that suits an interface or browser
 * language, which preselects the choice on the new-report page.
 */
import { LANGUAGES, type ReportLanguage } from './schemas/report'

const NAMES: Record<ReportLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  az: 'Azərbaycanca',
}

/** `{ value, label }` for a select, in LANGUAGES order. */
export const REPORT_LANGUAGE_OPTIONS = LANGUAGES.map(value => ({ value, label: NAMES[value] }))

/** The report language of a BCP 47 tag ("ru", "fr-CA", "az-Latn-AZ"); English when none fits. */
export function reportLanguageFor(tag: string | null | undefined): ReportLanguage {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0]
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? base as ReportLanguage : 'en'
}
