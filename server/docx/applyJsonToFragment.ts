/**
 * Writes a section body (ProseMirror JSON, e.g. from the importer) into the report's Y.Doc.
 */
import type * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import type { PMNode } from './types'

/**
 * Replaces the content of `section:<sectionId>` with `json` in ONE Yjs transaction, so every
 * client receives one update and sees one change. Throws (before touching the doc) when `json` is
 * not a valid body of `chorusSchema()`.
 *
 * It diffs like the editor binding does (y-tiptap's `updateYFragment`): paragraphs that did not
 * change keep their Yjs items, so comment anchors on them survive. Undo: a client's UndoManager
 * tracks only its own (local-origin) transactions, so an import applied here on the server is NOT
 * in anyone's undo stack; to offer "undo import", take a named version before applying.
 * `origin` is passed to `doc.transact` (e.g. the importing user's id) for the server's audit.
 */
export function applyJsonToFragment(doc: Y.Doc, sectionId: string, json: PMNode, origin: unknown = 'docx-import'): void {
  const schema = chorusSchema()
  const node = schema.nodeFromJSON(json)
  node.check()
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  doc.transact(() => {
    const { meta } = initProseMirrorDoc(fragment, schema)
    updateYFragment(doc, fragment, node, meta)
  }, origin)
}
