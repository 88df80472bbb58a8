/**
 * Report metadata and section records: the zod schemas used at every boundary (HTTP bodies, the
 * seeding of a Y.Doc, the websocket guard's checks of `meta` and `sections`).
 */
import { z } from 'zod'
import { SECTION_STATUSES } from '../permissions'

const text = (max: number) => z.string().trim().max(max)

export const CONFIDENTIALITY = ['public', 'confidential'] as const
/**
 * Report languages: the Committees' working languages (English, French, Spanish), Russian for
 * other treaty bodies and Azerbaijani for a national audience. Sets the export's own words and
 * the editor's `lang` (the browser's spell checker); templates give every text in each.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'az'] as const
export type ReportLanguage = typeof LANGUAGES[number]

const metaFields = {
  title: text(200).min(1, 'Give the report a title'),
  stateParty: text(120),
  treatyBody: text(200),
  session: text(120),
  coalition: text(200),
  members: z.array(text(200).min(1)).max(200),
  contact: text(300),
  confidentiality: z.enum(CONFIDENTIALITY),
  language: z.enum(LANGUAGES),
  deadline: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-01')]),
  /** The date the report is submitted, printed on the cover of the export ('' = the day of export). */
  submissionDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-01')]),
  wordLimit: z.number().int().positive().max(1_000_000).nullable(),
  numberedParagraphs: z.boolean(),
  templateId: z.string().max(64),
}

/** The `meta` root of a report (DESIGN.md) plus `templateId`, `wordLimit` and `numberedParagraphs`. */
export const reportMetaSchema = z.object({
  ...metaFields,
  stateParty: metaFields.stateParty.default(''),
  treatyBody: metaFields.treatyBody.default(''),
  session: metaFields.session.default(''),
  coalition: metaFields.coalition.default(''),
  members: metaFields.members.default([]),
  contact: metaFields.contact.default(''),
  confidentiality: metaFields.confidentiality.default('public'),
  language: metaFields.language.default('en'),
  deadline: metaFields.deadline.default(''),
  submissionDate: metaFields.submissionDate.default(''),
  wordLimit: metaFields.wordLimit.default(null),
  numberedParagraphs: metaFields.numberedParagraphs.default(true),
  templateId: metaFields.templateId.default('blank'),
})
export type ReportMeta = z.infer<typeof reportMetaSchema>

/** Fields a secretariat may change in the metadata form (everything but the template); no defaults, so absent means unchanged. */
const { templateId: _templateId, ...editableFields } = metaFields
export const reportMetaPatchSchema = z.object(editableFields).partial().strict()
export type ReportMetaPatch = z.infer<typeof reportMetaPatchSchema>

/** `POST /api/reports`: what is not given comes from the template. */
export const createReportSchema = z.object(editableFields).partial().extend({
  title: metaFields.title,
  templateId: z.string().min(1).max(64),
  /** UPR only: a joint or an individual submission, which picks the template's word limit. */
  submissionType: z.enum(['individual', 'joint']).optional(),
  /** LOIPR only: a comprehensive or a thematic submission, which picks the template's word limit. */
  scope: z.enum(['comprehensive', 'thematic']).optional(),
})
export type CreateReportInput = z.infer<typeof createReportSchema>

/**
 * Sections whose body Chorus builds from the rest of the report, read-only in the editor and
 * written by the exporter: the summary of recommendations, the follow-up table of the previous
 * concluding observations (docs/follow-up.md). A template marks them with `generated`.
 */
export const GENERATED_SECTIONS = ['recommendations', 'followUp'] as const
export type GeneratedSection = (typeof GENERATED_SECTIONS)[number]

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
  /** Built by Chorus (GENERATED_SECTIONS), null for a section people write. */
  generated: z.enum(GENERATED_SECTIONS).nullable().default(null),
  /** A generated list of the recommendations marked priority heads this section's own text (docs/recommendations.md). */
  priorityList: z.boolean().default(false),
})
export type Section = z.infer<typeof sectionSchema>

/** `POST /api/reports/:id/sections`: a new section, placed after `afterId` (or at the end). */
export const addSectionSchema = z.object({
  title: text(300).min(1, 'Give the section a title'),
  guidance: text(4000).default(''),
  wordBudget: z.number().int().positive().max(1_000_000).nullable().default(null),
  countsTowardLimit: z.boolean().default(true),
  afterId: z.string().max(64).optional(),
})

/** `PATCH /api/reports/:id/sections/:sectionId`. */
export const updateSectionSchema = z.object({
  title: text(300).min(1),
  guidance: text(4000),
  articles: z.array(text(40)).max(60),
  wordBudget: z.number().int().positive().max(1_000_000).nullable(),
  countsTowardLimit: z.boolean(),
  ownerId: z.string().max(64).nullable(),
  status: z.enum(SECTION_STATUSES),
  generated: z.enum(GENERATED_SECTIONS).nullable(),
  priorityList: z.boolean(),
}).partial()

/** `POST /api/reports/:id/sections/order`: every section id, in the new order. */
export const reorderSectionsSchema = z.object({ ids: z.array(z.string().max(64)).min(1).max(500) })
