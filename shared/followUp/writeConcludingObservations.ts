/**
 * Writes parsed COs into the `concludingObservations` root: the paragraphs as one plain value
 * (not Y types), because a new import replaces them whole and nobody edits them in place.
 * Authors' links name CO references ("12(b)"), so they survive a re-import of the same COs.
 */
import type * as Y from 'yjs'
import { CONCLUDING_OBSERVATIONS } from '../docNames'
import type { ConcludingObservations } from '../schemas/followUp'

/** Replace the report's concluding observations (one transaction). */
export function writeConcludingObservations(doc: Y.Doc, co: ConcludingObservations, origin?: unknown): void {
  const root = doc.getMap<unknown>(CONCLUDING_OBSERVATIONS)
  doc.transact(() => {
    root.set('symbol', co.symbol)
    root.set('paragraphs', co.paragraphs)
    root.set('updatedAt', Date.now())
  }, origin)
}
