/**
 * "New report → from a Word file": the preview's form fields, the plan it answers with, and the
 * create request that carries the person's choices. Stateless on purpose: the browser sends the
 * file again with its choices (checked against the preview by the file's SHA-256), so any
 * instance of a scaled deployment can create the report and nothing waits on the server between
 * the two requests.
 */
import { z } from 'zod'
import { CONFIDENTIALITY, LANGUAGES, createReportSchema } from './report'
import type { ImportNotice } from '../importNotices'

/** The most parts a draft may be split into (a 100-page report has well under 100 top headings). */
export const MAX_IMPORT_PARTS = 300

/** `POST /api/imports/report-preview`: the multipart fields beside `file`. */
export const reportPreviewFieldsSchema = z.object({
  templateId: z.string().min(1).max(64),
  language: z.enum(LANGUAGES).default('en'),
})

/** Where one part of the draft goes: a template section (by key), a new section, or nowhere. */
export const importTargetSchema = z.string().regex(/^(section:[a-z0-9-]{1,64}|new|skip)$/, 'Use section:<key>, new or skip')
export type ImportTarget = z.infer<typeof importTargetSchema>

/** `POST /api/reports/from-word`: the `report` field (JSON) beside `file`. */
export const createFromWordSchema = createReportSchema.extend({
  /** The SHA-256 of the file the preview was made of: the targets below are for its parts. */
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, 'Preview the file first'),
  /** One target per part of the preview, in order. */
  targets: z.array(importTargetSchema).max(MAX_IMPORT_PARTS),
})
export type CreateFromWordInput = z.infer<typeof createFromWordSchema>

/** The report settings read from the draft's cover (a Chorus export's, or front matter that looks like one). */
export const coverFieldsSchema = z.object({
  title: z.string(),
  stateParty: z.string(),
  treatyBody: z.string(),
  session: z.string(),
  coalition: z.string(),
  members: z.array(z.string()),
  contact: z.string(),
  confidentiality: z.enum(CONFIDENTIALITY),
}).partial()
export type CoverFields = z.infer<typeof coverFieldsSchema>

/** How a part was matched to a template section. */
export type MatchReason = 'number' | 'title' | 'articles'

/** One part of the draft: a top heading and what follows it (or the text before the first heading). */
export interface ImportPart {
  /** The heading's text; '' for the text before the first heading. */
  title: string
  words: number
  /** The target the server proposes. */
  target: ImportTarget
  match: MatchReason | null
}

/** What `POST /api/imports/report-preview` answers: what goes where, before anything is created. */
export interface ReportImportPlan {
  fileHash: string
  parts: ImportPart[]
  /** What the cover gave, to fill the report's settings. */
  settings: CoverFields
  /** The template's sections a part can go to, in the report's language. */
  sections: Array<{ key: string, title: string }>
  notices: ImportNotice[]
}
