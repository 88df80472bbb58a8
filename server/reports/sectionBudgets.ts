/**
 * A new report's word limit and its sections' budgets, from the template and the choices made at
 * creation (UPR: joint or individual; LOIPR: comprehensive or thematic; or a limit typed in).
 *
 * The budgets of the sections that count toward the limit never add up to more than the limit:
 * where the chosen limit is smaller than the template's budgets allow (a UPR individual
 * submission, or a small limit typed in), each budget shrinks in proportion, rounded down to tens
 * (a budget under ten words is dropped). A thematic LOIPR
 * submission gets no section budgets at all: its 3,000 words go wherever its theme is, and only
 * the total is checked (docs/decisions.md).
 */
import type { CreateReportInput } from '#shared/schemas/report'
import type { ReportTemplate } from '#shared/schemas/template'

type Choice = Pick<CreateReportInput, 'wordLimit' | 'submissionType' | 'scope'>

export function wordLimitFor(template: ReportTemplate, choice: Choice): number | null {
  if (choice.wordLimit !== undefined) return choice.wordLimit
  if (template.scopes && choice.scope) return template.scopes[choice.scope]
  if (template.wordLimits && choice.submissionType) return template.wordLimits[choice.submissionType]
  return template.wordLimit
}

/** Each template section's budget (same order), for a report whose limit is `wordLimit`. */
export function sectionBudgetsFor(template: ReportTemplate, choice: Choice, wordLimit: number | null): Array<number | null> {
  const budgets = template.sections.map(s => s.wordBudget)
  if (template.scopes && choice.scope === 'thematic') return budgets.map(() => null)
  if (wordLimit === null) return budgets
  const counted = template.sections.reduce((sum, s) => sum + (s.countsTowardLimit ? s.wordBudget ?? 0 : 0), 0)
  if (counted <= wordLimit) return budgets
  return template.sections.map((s) => {
    if (s.wordBudget === null) return null
    const scaled = Math.floor((s.wordBudget * wordLimit) / counted / 10) * 10
    return scaled > 0 ? scaled : null
  })
}
