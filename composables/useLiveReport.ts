/**
 * The structured parts of a live report, read from its Y.Doc and kept up to date: metadata, the
 * ordered sections, words per section and in total (annexes excluded), and where each section's
 * footnote numbering starts. Word and footnote counts are recomputed at most four times a second,
 * only for the sections that changed, and within them only for the blocks (top-level paragraphs,
 * lists, tables…) a transaction touched: the others' counts are kept per block, so five people
 * typing in a 100-page report cost a paragraph each, not their whole sections (docs/performance.md).
 * A report that has just loaded is counted at once, a few sections per task.
 */
import * as Y from 'yjs'
import { readMeta, readSections } from '#shared/reportDoc'
import { META, SECTIONS, sectionFragmentName } from '#shared/docNames'
import { fragmentWordCounts } from '#shared/wordCount'
import type { ReportMeta, Section } from '#shared/schemas/report'
import { inSlices, type Slices } from './editor/inSlices'
import { forgetChanged } from './editor/forgetChanged'

const RECOUNT_MS = 250

/** Ids of the footnote references in a section body, each once, in order (notes excluded). */
export function fragmentFootnoteIds(node: Y.XmlFragment | Y.XmlElement, into: string[] = []): string[] {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'footnotes') continue
    if (child.nodeName === 'footnoteReference') {
      const id = child.getAttribute('id')
      if (id && !into.includes(id)) into.push(id)
    } else {
      fragmentFootnoteIds(child, into)
    }
  }
  return into
}

/** `words` as if every open suggestion were rejected; `pending`: words of open suggested insertions. */
interface SectionCounts { words: number, pending: number, footnotes: number }

/** Counts of one top-level block of a section body. */
interface BlockCounts { words: number, pending: number, footnoteIds: string[] }
type Block = Y.XmlElement | Y.XmlText

/** A section's counts from its blocks', each taken from `cache` or counted (and kept) when missing. */
export function sectionCounts(fragment: Y.XmlFragment, cache: WeakMap<Block, BlockCounts>): SectionCounts {
  let words = 0
  let pending = 0
  const ids: string[] = []
  for (const block of fragment.toArray()) {
    if (!(block instanceof Y.XmlElement || block instanceof Y.XmlText)) continue
    let c = cache.get(block)
    if (!c) {
      const counted = fragmentWordCounts(block)
      const footnoteIds = block instanceof Y.XmlElement && block.nodeName !== 'footnotes' ? fragmentFootnoteIds(block) : []
      c = { words: counted.words, pending: counted.pending, footnoteIds }
      cache.set(block, c)
    }
    words += c.words
    pending += c.pending
    for (const id of c.footnoteIds) if (!ids.includes(id)) ids.push(id)
  }
  return { words, pending, footnotes: ids.length }
}

export { forgetChanged }

export function useLiveReport(doc: Ref<Y.Doc | null>) {
  const meta = shallowRef<ReportMeta | null>(null)
  const sections = shallowRef<Section[]>([])
  const counts = shallowRef<Record<string, SectionCounts>>({})

  const dirty = new Set<string>()
  let blockCache = new WeakMap<Block, BlockCounts>()
  let timer: ReturnType<typeof setTimeout> | null = null
  /** When the pending recount is due (performance.now()). */
  let due = 0
  /** Counts of a recount spread over several tasks, published when it is done. */
  let next: Record<string, SectionCounts> | null = null
  let changed = false
  let cleanup = () => {}

  /** A recount going on over several tasks: it takes the sections made dirty meanwhile too. */
  let slices: Slices | null = null

  /**
   * Count the dirty sections, a slice of them per task (a whole 100-page report is counted when
   * it opens; composables/editor/inSlices.ts); the new counts are published together once every
   * one is counted, so footnote numbers and the outline change once.
   */
  function recount() {
    timer = null
    const d = doc.value
    if (!d || slices?.busy) return
    next ??= { ...counts.value }
    slices = inSlices(() => {
      const id = dirty.values().next().value
      if (id === undefined || !next) return false
      dirty.delete(id)
      const c = sectionCounts(d.getXmlFragment(sectionFragmentName(id)), blockCache)
      const was = next[id]
      if (!was || was.words !== c.words || was.pending !== c.pending || was.footnotes !== c.footnotes) {
        next[id] = c
        changed = true
      }
      return true
    }, () => {
      // Most keys change no count (a letter inside a word): then nothing that shows counts re-renders.
      if (changed && next) counts.value = next
      next = null
      changed = false
    })
  }
  function schedule(delay: number) {
    const at = performance.now() + delay
    if (timer !== null && due <= at) return
    if (timer !== null) clearTimeout(timer)
    due = at
    timer = setTimeout(recount, delay)
  }
  /** `soon`: a section not counted yet (the report has just loaded): count it without the usual wait. */
  const markDirty = (id: string, soon = false) => {
    dirty.add(id)
    schedule(soon ? 0 : RECOUNT_MS)
  }

  watch(doc, (d) => {
    cleanup()
    if (!d) return
    blockCache = new WeakMap()
    dirty.clear()
    next = null
    changed = false
    const metaMap = d.getMap(META)
    const sectionArray = d.getArray(SECTIONS)
    const readMetaNow = () => (meta.value = metaMap.size ? readMeta(d) : null)
    const readSectionsNow = () => {
      sections.value = readSections(d)
      for (const s of sections.value) if (!(s.id in counts.value)) markDirty(s.id, true)
    }
    // One listener for all bodies: a transaction lists every type it touched, roots included.
    const onAfterTransaction = (tr: Y.Transaction) => {
      forgetChanged(tr, blockCache)
      const changed = tr.changedParentTypes as Map<unknown, unknown>
      for (const s of sections.value) {
        if (changed.has(d.getXmlFragment(sectionFragmentName(s.id)))) markDirty(s.id)
      }
    }
    metaMap.observe(readMetaNow)
    sectionArray.observeDeep(readSectionsNow)
    d.on('afterTransaction', onAfterTransaction)
    readMetaNow()
    readSectionsNow()
    cleanup = () => {
      metaMap.unobserve(readMetaNow)
      sectionArray.unobserveDeep(readSectionsNow)
      d.off('afterTransaction', onAfterTransaction)
      if (timer) clearTimeout(timer)
      timer = null
      slices?.cancel()
      slices = null
    }
  }, { immediate: true })
  onUnmounted(() => cleanup())

  /** Words of one section (0 until counted). */
  const wordsOf = (id: string) => counts.value[id]?.words ?? 0

  /** Words of the sections that count toward the limit. */
  const totalWords = computed(() => sections.value
    .filter(s => s.countsTowardLimit)
    .reduce((n, s) => n + wordsOf(s.id), 0))

  /** Words of open suggested insertions in the sections that count toward the limit. */
  const totalPending = computed(() => sections.value
    .filter(s => s.countsTowardLimit)
    .reduce((n, s) => n + (counts.value[s.id]?.pending ?? 0), 0))

  /** How many footnote references come before each section. */
  const footnoteOffsets = computed(() => {
    const out: Record<string, number> = {}
    let n = 0
    for (const s of sections.value) {
      out[s.id] = n
      n += counts.value[s.id]?.footnotes ?? 0
    }
    return out
  })

  return { meta, sections, counts, wordsOf, totalWords, totalPending, footnoteOffsets }
}
