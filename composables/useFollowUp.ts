/**
 * The report page's follow-up state (docs/follow-up.md), live from the Y.Doc: the previous
 * concluding observations, what links to them, the follow-up table's rows and the unlinked
 * recommendations per section; and which section's "link to concluding observation" dialog is
 * open. Read again 300 ms after a change that may move them, and then only the blocks it touched
 * (composables/editor/liveFollowUp.ts): typing in an unlinked paragraph reads nothing.
 */
import type { InjectionKey } from 'vue'
import type * as Y from 'yjs'
import { followUpRows, type FollowUpTable } from '#shared/followUp/followUpRows'
import { coRecommendations, type CoRecommendation } from '#shared/followUp/coRecommendations'
import { unlinkedBySection } from '#shared/followUp/unlinkedBySection'
import type { ConcludingObservations } from '#shared/schemas/followUp'
import type { Section } from '#shared/schemas/report'
import { liveReportNumbers } from '~/composables/editor/liveReportNumbers'
import { watchFollowUp } from '~/composables/editor/liveFollowUp'

export interface FollowUpState {
  co: Ref<ConcludingObservations | null>
  items: ComputedRef<CoRecommendation[]>
  table: Ref<FollowUpTable>
  unlinked: ComputedRef<Map<string, CoRecommendation[]>>
  /** The section whose link dialog is open, or null. */
  linkFor: Ref<string | null>
  /** A linked block's number as the export gives it ("27", "R12"), by its refId; null when it has none. */
  numberOf: (refId: string | null) => string | null
}

const KEY: InjectionKey<FollowUpState> = Symbol('followUp')
const EMPTY: FollowUpTable = { rows: [], unlinked: [], orphans: [] }

/** Create the state for the report page and make it available to its descendants. */
export function provideFollowUp(doc: Ref<Y.Doc | null>, sections: Ref<Section[]>): FollowUpState {
  const co = shallowRef<ConcludingObservations | null>(null)
  const table = shallowRef<FollowUpTable>(EMPTY)
  watch(doc, (d, _old, onCleanup) => {
    co.value = null
    table.value = EMPTY
    if (!d) return
    onCleanup(watchFollowUp(d, (read, links) => {
      co.value = read
      table.value = followUpRows(read, links)
    }))
  }, { immediate: true })
  // The table names paragraphs by the report's one numbering, live as text moves (cross-references' source).
  const renumbered = ref(0)
  watch(doc, (d, _old, onCleanup) => {
    if (d) onCleanup(liveReportNumbers(d).subscribe(() => renumbered.value++))
  }, { immediate: true })
  const numberOf = (refId: string | null) => {
    void renumbered.value
    return refId && doc.value ? liveReportNumbers(doc.value).numbers.byRefId.get(refId)?.number ?? null : null
  }
  const state: FollowUpState = {
    co,
    items: computed(() => coRecommendations(co.value)),
    table,
    unlinked: computed(() => unlinkedBySection(table.value.unlinked, sections.value)),
    linkFor: ref(null),
    numberOf,
  }
  provide(KEY, state)
  return state
}

/** The report page's follow-up state, or null outside it. */
export function useFollowUp(): FollowUpState | null {
  return inject(KEY, null)
}
