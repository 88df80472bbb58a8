/**
 * Report metadata and section records: the zod schemas used at every boundary (HTTP bodies, the
 * seeding of a Y.Doc, the websocket guard's checks of `meta` and `sections`).
 */
import { z } from 'zod'
import { SECTION_STATUSES } from '../permissions'

const text = (max: number) => z.string().trim().max(max)

export const CONFIDENTIALITY = ['public', 'confidential'] as const
export const LANGUAGES = ['en', 'fr', 'es'] as const

/** The `meta` root of a report (DESIGN.md) plus `templateId`, `wordLimit` and `numberedParagraphs`. */
export const reportMetaSchema = z.object({
  title: text(200).min(1, 'Give the report a title'),
  stateParty: text(120).default(''),
  treatyBody: text(200).default(''),
  session: text(120).default(''),
  coalition: text(200).default(''),
  members: z.array(text(200).min(1)).max(200).default([]),
  contact: text(300).default(''),
  confidentiality: z.enum(CONFIDENTIALITY).default('public'),
  language: z.enum(LANGUAGES).default('en'),
  deadline: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-01')]).default(''),
  wordLimit: z.number().int().positive().max(1_000_000).nullable().default(null),
  numberedParagraphs: z.boolean().default(true),
  templateId: z.string().max(64).default('blank'),
})
export type ReportMeta = z.infer<typeof reportMetaSchema>

/** Fields a secretariat may change in the metadata form (everything but the template). */
export const reportMetaPatchSchema = reportMetaSchema.omit({ templateId: true }).partial()
export type ReportMetaPatch = z.infer<typeof reportMetaPatchSchema>

/** `POST /api/reports`. */
export const createReportSchema = reportMetaSchema.partial().extend({
  title: text(200).min(1, 'Give the report a title'),
  templateId: z.string().min(1).max(64),
  /** UPR only: a joint or an individual submission, which picks the template's word limit. */
  submissionType: z.enum(['individual', 'joint']).optional(),
})
export type CreateReportInput = z.infer<typeof createReportSchema>

/** One entry of the `sections` root, as plain data. */
export const sectionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  title: text(300).min(1),
  guidance: text(4000).default(''),
  articles: z.array(text(40)).max(60).default([]),
  wordBudget: z.number().int().positive().max(1_000_000).nullable().default(null),
  countsTowardLimit: z.boolean().default(true),
  ownerId: z.string().max(64).nullable().default(null),
  status: z.enum(SECTION_STATUSES).default('draft'),
})
export type Section = z.infer<typeof sectionSchema>
