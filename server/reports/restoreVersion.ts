/**
 * Restoring a named version: the report's structure (meta, sections) and every section's text
 * become what they were, as one change that everyone receives live. Review threads stay as they
 * are (a restore must not silently delete the review round); threads on text that the restore
 * removes show as "text removed", and threads on text it brings back are anchored on it again
 * (reanchorThreads.ts: a rewritten paragraph has new Yjs items, the old anchors named the old ones).
 */
import * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { SECTIONS, sectionFragmentName } from '#shared/docNames'
import { readMeta, readSections, sectionMap, writeMeta } from '#shared/reportDoc'
import { reanchorThreads, threadRangesIn } from './reanchorThreads'

/** Apply the content of `version` (a Y.Doc state) to `live`, inside the caller's transaction. */
export function restoreInto(live: Y.Doc, versionState: Uint8Array): void {
  const old = new Y.Doc()
  Y.applyUpdate(old, versionState)
  const schema = chorusSchema()
  writeMeta(live, readMeta(old))
  const oldSections = readSections(old)
  const keep = new Set(oldSections.map(s => s.id))
  // Sections added since the version: their text goes with them.
  for (const s of readSections(live)) {
    if (!keep.has(s.id)) {
      const body = live.getXmlFragment(sectionFragmentName(s.id))
      if (body.length) body.delete(0, body.length)
    }
  }
  const arr = live.getArray<Y.Map<unknown>>(SECTIONS)
  arr.delete(0, arr.length)
  arr.insert(0, oldSections.map(sectionMap))
  for (const s of oldSections) {
    const target = live.getXmlFragment(sectionFragmentName(s.id))
    const source = old.getXmlFragment(sectionFragmentName(s.id))
    const { doc: oldBody, mapping: oldMapping } = initProseMirrorDoc(source, schema)
    // Where the section's threads sit in the version: the restored text is that document.
    const ranges = threadRangesIn({ doc: old, fragment: source, mapping: oldMapping }, live, s.id)
    const { meta } = initProseMirrorDoc(target, schema)
    // A diff, like the editor binding does: unchanged paragraphs keep their items (and anchors).
    updateYFragment(live, target, oldBody, meta)
    reanchorThreads({ doc: live, fragment: target, mapping: initProseMirrorDoc(target, schema).mapping }, ranges)
  }
  old.destroy()
}
