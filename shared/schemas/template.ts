/** Report templates (files in templates/): validated when the server loads them. */
import { z } from 'zod'

export const templateSectionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  guidance: z.string(),
  articles: z.array(z.string()),
  wordBudget: z.number().int().positive().nullable(),
  countsTowardLimit: z.boolean(),
})

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  description: z.string(),
  treatyBody: z.string(),
  wordLimit: z.number().int().positive().nullable(),
  /** UPR: the limits for an individual and a joint submission. */
  wordLimits: z.object({ individual: z.number().int().positive(), joint: z.number().int().positive() }).optional(),
  wordLimitNote: z.string(),
  numberedParagraphs: z.boolean(),
  /** Whether the report proposes recommendations or asks questions (LOIPR). */
  kind: z.enum(['recommendations', 'questions', 'other']),
  sections: z.array(templateSectionSchema).min(1),
})
export type ReportTemplate = z.infer<typeof templateSchema>
