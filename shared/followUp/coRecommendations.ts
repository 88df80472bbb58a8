/**
 * What an author can link a block to: each CO paragraph in which the Committee recommends,
 * as a whole ("12") and each of its sub-paragraphs ("12(a)"), with its cluster for the picker.
 */
import type { ConcludingObservations } from '../schemas/followUp'

/** One CO recommendation an author can follow up. */
export interface CoRecommendation {
  /** "12" or "12(b)". */
  ref: string
  paragraph: number
  letter: string | null
  /** The paragraph's lead-in for a sub-paragraph, then its own text. */
  lead: string
  text: string
  cluster: string | null
  topic: string | null
  /** A sub-paragraph, or a paragraph without any: what "not yet followed up" counts. */
  leaf: boolean
}

/** The CO's recommendations in document order. */
export function coRecommendations(co: ConcludingObservations | null): CoRecommendation[] {
  const out: CoRecommendation[] = []
  for (const p of co?.paragraphs ?? []) {
    if (!p.recommendation) continue
    const cluster = p.cluster ?? p.part
    const leaf = p.subparagraphs.length === 0
    out.push({ ref: String(p.number), paragraph: p.number, letter: null, lead: '', text: p.text, cluster, topic: p.topic, leaf })
    for (const s of p.subparagraphs) {
      out.push({ ref: `${p.number}(${s.letter})`, paragraph: p.number, letter: s.letter, lead: p.text, text: s.text, cluster, topic: p.topic, leaf: true })
    }
  }
  return out
}
