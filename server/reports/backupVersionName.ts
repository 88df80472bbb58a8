/**
 * The name of the version a restore saves first ("Before restoring “…”"), in the interface
 * language of whoever restores: it is shown to every member in the versions list, and the
 * secretariat that restored reads it first.
 */
import type { InterfaceLocale } from '#shared/schemas/preferences'

const NAMES: Record<InterfaceLocale, (name: string) => string> = {
  en: name => `Before restoring “${name}”`,
  az: name => `“${name}” bərpa edilməzdən əvvəl`,
  ru: name => `Перед восстановлением «${name}»`,
}

/** The backup version's name for a restore of `name`, by `locale` (English when none is set). */
export function backupVersionName(name: string, locale: string | null | undefined): string {
  return (NAMES[locale as InterfaceLocale] ?? NAMES.en)(name)
}
