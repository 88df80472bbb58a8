/**
 * The follow-up table's rows: each CO recommendation that some block follows up, in CO order,
 * with the assessments given and the places in the report; and the recommendations nobody has
 * followed up yet. A link to paragraph "12" follows up all of 12's sub-paragraphs.
 */
import type { ConcludingObservations, FollowUpStatus } from '../schemas/followUp'
import { coRecommendations, type CoRecommendation } from './coRecommendations'
import type { FollowUpPlace } from './readFollowUpLinks'

/** One row: a CO recommendation and how the report follows it up. */
export interface FollowUpRow {
  co: CoRecommendation
  /** Distinct assessments, in the order the places give them. */
  statuses: FollowUpStatus[]
  places: FollowUpPlace[]
}

/** Rows of linked recommendations, the unlinked leaves, and links to references the COs lack. */
export interface FollowUpTable {
  rows: FollowUpRow[]
  unlinked: CoRecommendation[]
  /** Links whose CO reference is not a recommendation of the loaded COs (e.g. after loading other COs). */
  orphans: FollowUpPlace[]
}

/** Build the table from the COs and the linked blocks. */
export function followUpRows(co: ConcludingObservations | null, places: FollowUpPlace[]): FollowUpTable {
  const items = coRecommendations(co)
  const byRef = new Map(items.map(i => [i.ref, i]))
  const linked = new Map<string, FollowUpPlace[]>()
  const orphans: FollowUpPlace[] = []
  for (const place of places) {
    if (!byRef.has(place.co)) {
      orphans.push(place)
      continue
    }
    const list = linked.get(place.co) ?? []
    list.push(place)
    linked.set(place.co, list)
  }
  const rows: FollowUpRow[] = []
  for (const item of items) {
    const list = linked.get(item.ref)
    if (list) rows.push({ co: item, statuses: [...new Set(list.map(p => p.status))], places: list })
  }
  const followedParagraphs = new Set(items.filter(i => !i.letter && linked.has(i.ref)).map(i => i.paragraph))
  const unlinked = items.filter(i => i.leaf && !linked.has(i.ref) && !followedParagraphs.has(i.paragraph))
  return { rows, unlinked, orphans }
}
