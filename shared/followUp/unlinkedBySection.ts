/**
 * The CO recommendations not yet followed up, by the section that answers their cluster
 * (clusterSection.ts): what a cluster's owner is shown in the section's header.
 */
import type { CoRecommendation } from './coRecommendations'
import { clusterSection } from './clusterSection'

/** Unlinked recommendations grouped by section id (recommendations of no section's cluster are left out). */
export function unlinkedBySection(unlinked: CoRecommendation[], sections: Array<{ id: string, title: string, articles: string[], generated?: string | null }>): Map<string, CoRecommendation[]> {
  const out = new Map<string, CoRecommendation[]>()
  const matched = new Map<string | null, string | null>()
  for (const item of unlinked) {
    if (!matched.has(item.cluster)) matched.set(item.cluster, clusterSection(item.cluster, sections))
    const id = matched.get(item.cluster)
    if (!id) continue
    const list = out.get(id) ?? []
    list.push(item)
    out.set(id, list)
  }
  return out
}
