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

export interface FollowUpState {
  co: Ref<ConcludingObservations | null>
  items: ComputedRef<CoRecommendation[]>
  table: Ref<FollowUpTable>
  unlinked: ComputedRef<Map<string, CoRecommendation[]>>
  /** The section whose link dialog is open, or null. */
  linkFor: Ref<string | null>
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
  onScopeDispose(() => {
    if (timer) clearTimeout(timer)
  })
  const state: FollowUpState = {
    co,
    items: computed(() => coRecommendations(co.value)),
    table,
    unlinked: computed(() => unlinkedBySection(table.value.unlinked, sections.value)),
    linkFor: ref(null),
  }
  provide(KEY, state)
  return state
}

/** The report page's follow-up state, or null outside it. */
export function useFollowUp(): FollowUpState | null {
  return inject(KEY, null)
}
