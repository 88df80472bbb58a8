/** The report header data (`GET /api/reports/:id`): meta, sections with word counts, members, my role. */
import type { Role } from '#shared/permissions'
import type { ReportSummary } from '#shared/types/report'

export interface ReportDetail extends ReportSummary {
  id: string
  role: Role
  updatedAt: number
  template: { id: string, title: string, kind: string, wordLimitNote: string } | null
  members: Array<{ userId: string, name: string, color: string, role: Role, email?: string }>
}

/** Fetch one report; `refresh` after a change made over HTTP. */
export function useReport(id: MaybeRefOrGetter<string>) {
  return useFetch<ReportDetail>(() => `/api/reports/${toValue(id)}`, { server: false, key: `report-${toValue(id)}` })
}
