/**
 * The report's recommendation and question blocks in report order, grouped by the section that
 * holds them, each with its label ("R12", "Q3"): what the generated summary shows and exports, and
 * where each section's numbering starts in the editor. One reader for the browser and the exporter,
 * so the summary on screen and in Word list the same blocks with the same numbers.
 *
 * Order and labels are shared/reportNumbering.ts's (`exportOrder`: body sections as stored, then
 * annexes; recommendations and questions counted apart, R1, R2… and Q1, Q2…), and a unit test holds
 * the two to the same numbers. Blocks are numbered by position here, not looked up by `refId`: a
 * block copied with its id still gets a number of its own in the list.
 * A generated section's stored body is not read (it holds none; see docs/recommendations.md).
 */
import type { RecommendationKind } from './editor/recommendation'
import { exportOrder } from './reportNumbering'

/** ProseMirror JSON, as loose as the format. */
export interface BlockJson {
  type: string
  attrs?: Record<string, unknown> | null
  content?: BlockJson[]
  text?: string
  marks?: Array<{ type: string, attrs?: Record<string, unknown> | null }>
}

/** A section as the list reads it. */
export interface ListedSection {
  id: string
  title: string
  countsTowardLimit: boolean
  generated?: string | null
  /** The section body (a `doc` node). */
  content: BlockJson
}

/** One block with its number. */
export interface ListedRecommendation {
  sectionId: string
  /** Its place among the section's blocks, in document order: how the link back finds it. */
  index: number
  refId: string | null
  kind: RecommendationKind
  /** "R12" or "Q3". */
  label: string
  articles: string
  priority: boolean
  /** The block itself (a `recommendation` node). */
  node: BlockJson
}

/** The blocks of one section (a cluster, in a CRC report). */
export interface RecommendationGroup {
  sectionId: string
  title: string
  items: ListedRecommendation[]
}

/** Letters of the labels: recommendations R…, questions Q…. */
export const LABEL_PREFIX: Record<RecommendationKind, string> = { recommendation: 'R', question: 'Q' }

/** The recommendation nodes of a body, in document order (also inside quotes, lists and tables). */
export function recommendationNodes(doc: BlockJson): BlockJson[] {
  const out: BlockJson[] = []
  const walk = (node: BlockJson) => {
    for (const child of node.content ?? []) {
      if (child.type === 'recommendation') out.push(child)
      // Text holds no blocks; notes hold paragraphs only.
      else if (child.content && child.type !== 'paragraph' && child.type !== 'heading' && child.type !== 'footnotes') walk(child)
    }
  }
  walk(doc)
  return out
}

/** Every block of the report, numbered, grouped by section in export order; sections without any are left out. */
export function recommendationList(sections: ListedSection[]): RecommendationGroup[] {
  const counters: Record<RecommendationKind, number> = { recommendation: 0, question: 0 }
  const ordered = exportOrder(sections)
  const groups: RecommendationGroup[] = []
  for (const section of ordered) {
    if (section.generated) continue
    const items = recommendationNodes(section.content).map((node, index): ListedRecommendation => {
      const kind: RecommendationKind = node.attrs?.kind === 'question' ? 'question' : 'recommendation'
      return {
        sectionId: section.id,
        index,
        refId: typeof node.attrs?.refId === 'string' && node.attrs.refId ? node.attrs.refId : null,
        kind,
        label: LABEL_PREFIX[kind] + String(++counters[kind]),
        articles: typeof node.attrs?.articles === 'string' ? node.attrs.articles : '',
        priority: node.attrs?.priority === true,
        node,
      }
    })
    if (items.length) groups.push({ sectionId: section.id, title: section.title, items })
  }
  return groups
}

/** The groups with only the blocks marked priority (the executive summary's list). */
export function priorityGroups(groups: RecommendationGroup[]): RecommendationGroup[] {
  return groups.map(g => ({ ...g, items: g.items.filter(i => i.priority) })).filter(g => g.items.length)
}
