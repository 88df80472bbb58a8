/**
 * The report page's follow-up state (docs/follow-up.md), live from the Y.Doc: the previous
 * concluding observations, what links to them, the follow-up table's rows and the unlinked
 * recommendations per section; and which section's "link to concluding observation" dialog is
 * open. Read again at most every 300 ms after a change: links are attributes of blocks anywhere
 * in the report, so any block change may add or remove one, but nobody needs the table per key.
 */
import type { InjectionKey } from 'vue'
import type * as Y from 'yjs'
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { readFollowUpLinks } from '#shared/followUp/readFollowUpLinks'
import { followUpRows, type FollowUpTable } from '#shared/followUp/followUpRows'
import { coRecommendations, type CoRecommendation } from '#shared/followUp/coRecommendations'
import { unlinkedBySection } from '#shared/followUp/unlinkedBySection'
import type { ConcludingObservations } from '#shared/schemas/followUp'
import type { Section } from '#shared/schemas/report'
import { liveReportNumbers } from '~/composables/editor/liveReportNumbers'

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
const REREAD_MS = 300
const EMPTY: FollowUpTable = { rows: [], unlinked: [], orphans: [] }

/** Create the state for the report page and make it available to its descendants. */
export function provideFollowUp(doc: Ref<Y.Doc | null>, sections: Ref<Section[]>): FollowUpState {
  const co = shallowRef<ConcludingObservations | null>(null)
  const table = shallowRef<FollowUpTable>(EMPTY)
  let timer: ReturnType<typeof setTimeout> | null = null
  const reread = () => {
    timer = null
    const d = doc.value
    co.value = d ? readConcludingObservations(d) : null
    table.value = d ? followUpRows(co.value, readFollowUpLinks(d)) : EMPTY
  }
  const schedule = () => {
    timer ??= setTimeout(reread, REREAD_MS)
  }
  watch(doc, (d, _old, onCleanup) => {
    reread()
    if (!d) return
    d.on('afterTransaction', schedule)
    onCleanup(() => d.off('afterTransaction', schedule))
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
  onScopeDispose(() => {
    if (timer) clearTimeout(timer)
  })
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
