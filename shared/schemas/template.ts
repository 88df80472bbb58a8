/**
 * Report templates (files in templates/): validated when the server loads them. A file gives
 * every text a person reads (title, description, treaty body, word-limit note, each section's
 * title and guidance) in every report language, so a report is seeded in the language it is
 * written in; a file missing one language fails to load. The API hands out one language at a time.
 */
import { z } from 'zod'
import { GENERATED_SECTIONS, LANGUAGES, type ReportLanguage } from './report'

/** One text in every report language (an exhaustive record: each key of LANGUAGES, no other). */
const translated = z.record(z.enum(LANGUAGES), z.string())

const sectionFields = {
  key: z.string().regex(/^[a-z0-9-]+$/),
  articles: z.array(z.string()),
  wordBudget: z.number().int().positive().nullable(),
  countsTowardLimit: z.boolean(),
  /** A section Chorus builds (shared/schemas/report.ts GENERATED_SECTIONS). */
  generated: z.enum(GENERATED_SECTIONS).optional(),
  /** Headed by a generated list of the priority recommendations (docs/recommendations.md). */
  priorityList: z.boolean().optional(),
}

const templateFields = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  wordLimit: z.number().int().positive().nullable(),
  /** UPR: the limits for an individual and a joint submission. */
  wordLimits: z.object({ individual: z.number().int().positive(), joint: z.number().int().positive() }).optional(),
  /** LOIPR: the limits for a comprehensive and a thematic submission, chosen at creation. */
  scopes: z.object({ comprehensive: z.number().int().positive(), thematic: z.number().int().positive() }).optional(),
  numberedParagraphs: z.boolean(),
  /** Whether the report proposes recommendations or asks questions (LOIPR). */
  kind: z.enum(['recommendations', 'questions', 'other']),
}

/** A template file as stored in templates/<id>.json. */
export const templateFileSchema = z.object({
  ...templateFields,
  title: translated,
  description: translated,
  treatyBody: translated,
  wordLimitNote: translated,
  sections: z.array(z.object({ ...sectionFields, title: translated, guidance: translated })).min(1),
})
export type TemplateFile = z.infer<typeof templateFileSchema>

/** A template in one report language: what `GET /api/templates` returns and a report is seeded from. */
export interface ReportTemplate extends Omit<TemplateFile, 'title' | 'description' | 'treatyBody' | 'wordLimitNote' | 'sections'> {
  /** The language of the texts below. */
  language: ReportLanguage
  /** Every language the template can be had in (`GET /api/templates?lang=`). */
  languages: readonly ReportLanguage[]
  title: string
  description: string
  treatyBody: string
  wordLimitNote: string
  sections: Array<z.infer<z.ZodObject<typeof sectionFields>> & { title: string, guidance: string }>
}

/** `GET /api/templates?lang=`: the language of the texts (English when not given). */
export const templatesQuerySchema = z.object({ lang: z.enum(LANGUAGES).default('en') })
