/**
 * The report's recommendation and question blocks, live (shared/recommendationList.ts): what the
 * generated summary and the executive summary's priority list show, where each section's labels
 * start, and the words the generated lists add to the report. A section is read again (at most
 * four times a second) only when a transaction changed a recommendation in it or its block
 * structure: typing in an ordinary paragraph costs nothing here. The sections to read are read
 * a slice per task (a report that has just loaded: composables/editor/inSlices.ts), the list
 * published once they all are.
 */
import * as Y from 'yjs'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { priorityGroups, recommendationList, recommendationNodes } from '#shared/recommendationList'
import type { BlockJson, RecommendationGroup } from '#shared/recommendationList'
import { generatedWords } from '#shared/generatedWords'
import { countJsonWords } from '#shared/wordCount'
import type { Section } from '#shared/schemas/report'
import { exportOrder } from '#shared/reportNumbering'
import type { RecommendationOffset } from './editor/recommendationNumbering'
import { inSlices, type Slices } from './editor/inSlices'

const RELIST_MS = 250

/** Does this change touch a recommendation, or add or remove blocks (which may be one)? */
function mayChangeList(type: unknown): boolean {
  // Text outside a recommendation cannot change the list; element children (blocks) can.
  if (!(type instanceof Y.XmlText)) return true
  for (let t: unknown = type; t; t = (t as { _item?: { parent?: unknown } | null })._item?.parent ?? null) {
    if (t instanceof Y.XmlElement && t.nodeName === 'recommendation') return true
  }
  return false
}

/** The root fragment a type belongs to. */
function rootOf(type: unknown): unknown {
  let t = type
  while ((t as { _item?: { parent?: unknown } | null })._item?.parent) t = (t as { _item: { parent: unknown } })._item.parent
  return t
}

export function useRecommendationList(doc: Ref<Y.Doc | null>, sections: Ref<Section[]>) {
  const groups = shallowRef<RecommendationGroup[]>([])
  /** Each section's recommendation blocks (JSON), as a `doc` node holding only them. */
  const bodies = new Map<string, BlockJson>()
  const dirty = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  /** A relisting going on over several tasks: it reads the sections made dirty meanwhile too. */
  let pass: Slices | null = null
  let cleanup = () => {}

  /** Read one section's recommendation blocks. */
  function read(d: Y.Doc, id: string) {
    try {
      const root = yXmlFragmentToProseMirrorRootNode(d.getXmlFragment(sectionFragmentName(id)), chorusSchema())
      bodies.set(id, { type: 'doc', content: recommendationNodes(root.toJSON() as BlockJson) })
    } catch {
      // A body the schema cannot read (mid-sync) keeps its last list; the next change reads it again.
    }
  }

  function relist() {
    timer = null
    const d = doc.value
    if (!d || pass?.busy) return
    pass = inSlices(() => {
      const id = dirty.values().next().value
      if (id === undefined) return false
      dirty.delete(id)
      read(d, id)
      return true
    }, () => {
      groups.value = recommendationList(sections.value.map(s => ({ ...s, content: bodies.get(s.id) ?? { type: 'doc' } })))
    })
  }
  const schedule = (id?: string) => {
    if (id) dirty.add(id)
    timer ??= setTimeout(relist, RELIST_MS)
  }

  watch(doc, (d) => {
    cleanup()
    bodies.clear()
    if (!d) return
    const onAfterTransaction = (tr: Y.Transaction) => {
      const byRoot = new Map(sections.value.map(s => [d.getXmlFragment(sectionFragmentName(s.id)) as unknown, s.id]))
      for (const type of tr.changed.keys()) {
        const id = byRoot.get(rootOf(type))
        if (id && mayChangeList(type)) schedule(id)
      }
    }
    d.on('afterTransaction', onAfterTransaction)
    for (const s of sections.value) dirty.add(s.id)
    schedule()
    cleanup = () => {
      d.off('afterTransaction', onAfterTransaction)
      if (timer) clearTimeout(timer)
      timer = null
      pass?.cancel()
      pass = null
      dirty.clear()
    }
  }, { immediate: true })
  // Sections added, moved, renamed or made generated: a section added later is read when it appears.
  watch(sections, (list) => {
    for (const s of list) if (!bodies.has(s.id)) dirty.add(s.id)
    schedule()
  })
  onUnmounted(() => cleanup())

  /** Where each section's labels start (export order: body sections, then annexes). */
  const offsets = computed(() => {
    const out: Record<string, RecommendationOffset> = {}
    const n: RecommendationOffset = { recommendation: 0, question: 0 }
    const bySection = new Map(groups.value.map(g => [g.sectionId, g.items]))
    for (const s of exportOrder(sections.value)) {
      out[s.id] = { ...n }
      for (const item of bySection.get(s.id) ?? []) n[item.kind]++
    }
    return out
  })

  const priorities = computed(() => priorityGroups(groups.value))

  /** Words the generated lists add to their sections (they are in the submitted document). */
  const extraWords = computed(() => generatedWords(sections.value, groups.value.flatMap(g => g.items).map(i => ({ words: countJsonWords(i.node), priority: i.priority }))))

  return { groups, priorities, offsets, extraWords }
}
