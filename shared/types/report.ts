import type { Role, SectionStatus } from '../permissions'
import type { ReportMeta } from '../schemas/report'

/** A section as the dashboard and outline list it (no text). */
export interface SectionSummary {
  id: string
  title: string
  status: SectionStatus
  ownerId: string | null
  words: number
  wordBudget: number | null
  countsTowardLimit: boolean
  articles: string[]
  guidance: string
  /** Built by Chorus (GENERATED_SECTIONS), or null. */
  generated?: string | null
  /** Headed by the generated list of priority recommendations. */
  priorityList?: boolean
}

/** What the server keeps up to date about a report's document, for lists and the report header. */
export interface ReportSummary {
  meta: ReportMeta
  sections: SectionSummary[]
  /** Words of the sections that count toward the limit (annexes excluded). */
  totalWords: number
}

/** `GET /api/reports` rows. */
export interface ReportListItem {
  id: string
  title: string
  templateId: string
  role: Role
  updatedAt: number
  summary: ReportSummary
}
