/**
 * A new report's word limit and section budgets (server/reports/sectionBudgets.ts): for every
 * template and every choice a person can make at creation, and for any limit typed in, the budgets
 * of the sections that count never add up to more than the limit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '#shared/schemas/report'
import type { ReportTemplate } from '#shared/schemas/template'
import { sectionBudgetsFor, wordLimitFor } from '../../server/reports/sectionBudgets'
import { listTemplates } from '../../server/templates'

const counted = (template: ReportTemplate, budgets: Array<number | null>) =>
  template.sections.reduce((sum, s, i) => sum + (s.countsTowardLimit ? budgets[i] ?? 0 : 0), 0)

const CHOICES = [{}, { submissionType: 'joint' }, { submissionType: 'individual' }, { scope: 'comprehensive' }, { scope: 'thematic' }] as const

describe('section budgets of a new report', () => {
  for (const template of listTemplates('en')) {
    it(`${template.id}: the template's own budgets fit its limit, whatever is chosen at creation`, () => {
      for (const choice of CHOICES) {
        const limit = wordLimitFor(template, choice)
        const budgets = sectionBudgetsFor(template, choice, limit)
        expect(budgets).toHaveLength(template.sections.length)
        if (limit !== null) expect(counted(template, budgets), JSON.stringify(choice)).toBeLessThanOrEqual(limit)
      }
    })
  }

  it('the CRC template as shipped: its budgets add up to its 10,000 words exactly, unchanged', () => {
    for (const language of LANGUAGES) {
      const crc = listTemplates(language).find(t => t.id === 'crc-alternative-report')!
      expect(crc.wordLimit).toBe(10_000)
      expect(counted(crc, crc.sections.map(s => s.wordBudget))).toBe(10_000)
      expect(sectionBudgetsFor(crc, {}, 10_000)).toEqual(crc.sections.map(s => s.wordBudget))
    }
  })

  it('LOIPR: comprehensive keeps the budgets under 10,000 words; thematic has 3,000 words and no section budgets', () => {
    const loipr = listTemplates('en').find(t => t.id === 'crc-loipr-submission')!
    expect(wordLimitFor(loipr, { scope: 'comprehensive' })).toBe(10_000)
    expect(sectionBudgetsFor(loipr, { scope: 'comprehensive' }, 10_000)).toEqual(loipr.sections.map(s => s.wordBudget))
    expect(wordLimitFor(loipr, { scope: 'thematic' })).toBe(3_000)
    expect(sectionBudgetsFor(loipr, { scope: 'thematic' }, 3_000).every(b => b === null)).toBe(true)
  })

  it('UPR individual: budgets shrink in proportion to the smaller limit, in tens', () => {
    const upr = listTemplates('en').find(t => t.id === 'upr-submission')!
    const limit = wordLimitFor(upr, { submissionType: 'individual' })!
    const budgets = sectionBudgetsFor(upr, { submissionType: 'individual' }, limit)
    expect(limit).toBe(upr.wordLimits!.individual)
    for (const [i, b] of budgets.entries()) {
      if (b === null) continue
      expect(b % 10).toBe(0)
      expect(b).toBeLessThan(upr.sections[i]!.wordBudget!)
    }
  })

  it('a limit typed in by the person: any positive limit, the budgets fit it and none grows', () => {
    const templates = listTemplates('en')
    fc.assert(fc.property(fc.constantFrom(...templates), fc.integer({ min: 1, max: 200_000 }), fc.constantFrom(...CHOICES), (template, wordLimit, choice) => {
      const limit = wordLimitFor(template, { ...choice, wordLimit })
      expect(limit).toBe(wordLimit)
      const budgets = sectionBudgetsFor(template, choice, limit)
      expect(counted(template, budgets)).toBeLessThanOrEqual(wordLimit)
      budgets.forEach((b, i) => {
        if (b !== null) expect(b).toBeLessThanOrEqual(template.sections[i]!.wordBudget!)
        expect(b === null || b > 0).toBe(true)
      })
    }), { numRuns: 500 })
  })
})
