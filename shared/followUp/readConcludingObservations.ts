/**
 * The one reader of the `concludingObservations` root (docs/follow-up.md): the parsed COs the
 * secretariat loaded, validated, or null when none are loaded or the stored value is not valid
 * (a bad value must not break the editor, the table or the export).
 */
import type * as Y from 'yjs'
import { CONCLUDING_OBSERVATIONS } from '../docNames'
import { concludingObservationsSchema, type ConcludingObservations } from '../schemas/followUp'

/** The report's previous concluding observations, or null. */
export function readConcludingObservations(doc: Y.Doc): ConcludingObservations | null {
  const root = doc.getMap<unknown>(CONCLUDING_OBSERVATIONS)
  if (!root.has('paragraphs')) return null
  const parsed = concludingObservationsSchema.safeParse({ symbol: root.get('symbol') ?? null, paragraphs: root.get('paragraphs') })
  return parsed.success ? parsed.data : null
}
