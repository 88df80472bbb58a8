/**
 * The follow-up links and concluding observations of a live report (docs/follow-up.md), read
 * again only when a transaction may have changed them: the `concludingObservations` root, the
 * section list, a `followUp` attribute, blocks or list items added or removed, or the text of a
 * block that holds a link (its excerpt is in the table). Typing in any other paragraph costs a
 * look at the changed types, no reading. What each top-level block links is kept until such a
 * transaction touches the block, so a reread reads the touched blocks only; a report that has
 * just loaded is read a slice per task (composables/editor/inSlices.ts).
 */
import * as Y from 'yjs'
import { CONCLUDING_OBSERVATIONS, SECTIONS, sectionFragmentName } from '#shared/docNames'
import { readSections } from '#shared/reportDoc'
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { blockFollowUpLinks, readFollowUpLinks, type BlockLink, type FollowUpPlace } from '#shared/followUp/readFollowUpLinks'
import type { ConcludingObservations } from '#shared/schemas/followUp'
import { forgetChanged } from './forgetChanged'
import { eachInSlices, type Slices } from './inSlices'

/** After a relevant change, read again after this long (ms): nobody needs the table per key. */
export const REREAD_MS = 300

type Block = Y.XmlElement | Y.XmlText
type Parented = { _item?: { parent?: unknown } | null }

/** The root a type belongs to, and the top-level block holding it (null for the root itself). */
function placeOf(type: unknown): { root: unknown, top: unknown } {
  let t = type
  let top: unknown = null
  for (let parent = (t as Parented)._item?.parent; parent; parent = (t as Parented)._item?.parent) {
    top = t
    t = parent
  }
  return { root: t, top }
}

/**
 * Read `doc`'s follow-up state now (in slices) and again after each change that may move it;
 * `publish` gets every reading. Returns the stop function.
 */
export function watchFollowUp(doc: Y.Doc, publish: (co: ConcludingObservations | null, links: FollowUpPlace[]) => void): () => void {
  const cache = new WeakMap<Block, BlockLink[]>()
  const coRoot = doc.getMap(CONCLUDING_OBSERVATIONS)
  const sectionList = doc.getArray(SECTIONS)
  let timer: ReturnType<typeof setTimeout> | null = null

  const linksOf = (top: unknown): BlockLink[] => {
    if (!(top instanceof Y.XmlElement || top instanceof Y.XmlText)) return []
    let links = cache.get(top)
    if (!links) {
      links = blockFollowUpLinks(top)
      cache.set(top, links)
    }
    return links
  }

  /** A reading of the blocks not read yet, a slice per task (a report that has just loaded or arrived). */
  let pass: Slices | null = null
  const reread = () => {
    if (timer) clearTimeout(timer)
    timer = null
    // A pass going on: it publishes what the report is when it ends, this change included.
    if (pass?.busy) return
    pass = eachInSlices(
      () => readSections(doc).filter(s => !s.generated).flatMap(s => doc.getXmlFragment(sectionFragmentName(s.id)).toArray()),
      linksOf,
      () => publish(readConcludingObservations(doc), readFollowUpLinks(doc, linksOf)),
    )
  }
  reread()

  /** Can this transaction have changed the links, their excerpts or the COs? */
  const matters = (tr: Y.Transaction): boolean => {
    for (const [type, keys] of tr.changed) {
      const { root, top } = placeOf(type)
      if (root === coRoot || root === sectionList) return true
      if (!(root instanceof Y.XmlFragment)) continue
      // Blocks added or removed (indices move, links come and go), a link set or cleared.
      if ((type as unknown) === root || keys.has('followUp')) return true
      // Paragraphs or list items added or removed inside a block: one may carry a link.
      if (type instanceof Y.XmlElement && keys.has(null)) return true
      // The text of a block that holds a link: its excerpt.
      if ((top instanceof Y.XmlElement || top instanceof Y.XmlText) && (cache.get(top)?.length ?? 1) > 0) return true
    }
    return false
  }
  const onAfterTransaction = (tr: Y.Transaction) => {
    // Text typed in a block without links leaves what it links (nothing) as it was: kept.
    if (!matters(tr)) return
    forgetChanged(tr, cache)
    timer ??= setTimeout(reread, REREAD_MS)
  }
  doc.on('afterTransaction', onAfterTransaction)
  return () => {
    doc.off('afterTransaction', onAfterTransaction)
    pass?.cancel()
    if (timer) clearTimeout(timer)
    timer = null
  }
}
