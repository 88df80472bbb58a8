/**
 * Follow-up of the Committee's previous concluding observations (COs): the parsed COs as the
 * report keeps them (Y.Doc root `concludingObservations`, docs/follow-up.md), the link an author
 * puts on a block (`followUp` attribute) and the secretariat's upload. One zod schema per shape,
 * used by the parser's callers, the HTTP route, the editor and the exporter.
 */
import { z } from 'zod'

/** How far the State implemented a CO recommendation, in the coalition's assessment. */
export const FOLLOW_UP_STATUSES = ['implemented', 'partly', 'not', 'noInformation'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

/** Node types that may carry a follow-up link (shared/editor/followUpAttribute.ts). */
export const FOLLOW_UP_NODES = ['paragraph', 'recommendation'] as const

/** A CO reference: paragraph "12" or sub-paragraph "12(b)". */
export const CO_REF_PATTERN = /^[1-9]\d{0,2}(?:\([a-z]\))?$/

/** A lettered sub-paragraph of a CO paragraph: "(b) Strengthen …". */
export const coSubparagraphSchema = z.object({
  letter: z.string().regex(/^[a-z]$/),
  text: z.string().max(20_000),
})

/** One numbered CO paragraph, with the headings it stands under. */
export const coParagraphSchema = z.object({
  number: z.number().int().min(1).max(999),
  /** The paragraph's text before its first sub-paragraph (all of it when it has none). */
  text: z.string().max(40_000),
  subparagraphs: z.array(coSubparagraphSchema).max(26),
  /** The part (roman numeral) heading: "III. Main areas of concern and recommendations". */
  part: z.string().max(400).nullable(),
  /** The cluster (lettered) heading: "D. Civil rights and freedoms (arts. 7, 8 and 13–17)". */
  cluster: z.string().max(400).nullable(),
  /** The topic heading inside the cluster: "Birth registration". */
  topic: z.string().max(400).nullable(),
  /** The Committee recommends/urges/requests … here (an observation alone is not followed up). */
  recommendation: z.boolean(),
})
export type CoParagraph = z.infer<typeof coParagraphSchema>

/** Parsed concluding observations. */
export const concludingObservationsSchema = z.object({
  /** The document symbol, e.g. "CRC/C/AZE/CO/5-6"; null when the text did not give it. */
  symbol: z.string().max(80).nullable(),
  paragraphs: z.array(coParagraphSchema).max(500),
})
export type ConcludingObservations = z.infer<typeof concludingObservationsSchema>

/** A block's link to one CO recommendation (the `followUp` attribute, stored as JSON text). */
export const followUpLinkSchema = z.object({
  co: z.string().regex(CO_REF_PATTERN),
  status: z.enum(FOLLOW_UP_STATUSES),
})
export type FollowUpLink = z.infer<typeof followUpLinkSchema>

/** `POST /api/reports/:id/concluding-observations` (JSON): pasted text, the symbol if the text lacks it. */
export const coUploadSchema = z.object({
  text: z.string().min(1).max(400_000),
  symbol: z.string().trim().max(80).regex(/^[A-Z][A-Za-z0-9./-]*$/).optional(),
})
