/** How a section status is named and coloured everywhere in the report page. */
import type { SectionStatus } from '#shared/permissions'

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  final: 'Final',
}

export const SECTION_STATUS_COLORS = {
  draft: 'neutral',
  review: 'warning',
  final: 'success',
} as const satisfies Record<SectionStatus, string>
