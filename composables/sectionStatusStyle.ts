/** How a section status is named and coloured everywhere in the report page. */
import type { SectionStatus } from '#shared/permissions'
import { interfaceT } from '~~/utils/interfaceI18n'

/** The status's name in the interface language (locales/*.json `status.*`); read in a template, it follows a language switch. */
export const SECTION_STATUS_LABELS: Readonly<Record<SectionStatus, string>> = {
  get draft() { return interfaceT('status.draft') },
  get review() { return interfaceT('status.review') },
  get final() { return interfaceT('status.final') },
}

export const SECTION_STATUS_COLORS = {
  draft: 'neutral',
  review: 'warning',
  final: 'success',
} as const satisfies Record<SectionStatus, string>
