/**
 * Accepting or rejecting suggestions as ONE undoable step of the person who decided (as in Word
 * and Google Docs): the section editor's Yjs UndoManager (y-tiptap's undo plugin) captures the
 * decision's transaction — the text change and the decision record together — and its scope is
 * widened to the decision records and the discussions that decision resolved. Undo then puts the
 * suggestion's marks and text back, takes the record's `status` away (the record stays, as
 * history, and reads as never made) and reopens the discussion; redo decides again. The hub lets
 * only the decider restore exactly what they decided (server/collab/suggestionCheck.ts).
 *
 * Everything else a decision wrote in `comments` (the record's thread and its fields) is never
 * deleted by an undo: the hub would refuse re-creating a thread with its old time on redo.
 */
import type * as Y from 'yjs'
import type { Editor } from '@tiptap/core'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { COMMENTS } from '#shared/docNames'

/** The only fields under `comments` an undo of a decision removes again. */
const UNDOABLE_FIELDS = new Set(['status', 'resolved', 'resolvedBy', 'resolvedAt'])
const prepared = new WeakSet<Y.UndoManager>()

type YType = Y.AbstractType<unknown>

function underRoot(item: Y.Item, root: YType): boolean {
  let t = item.parent as YType | null
  while (t?._item) t = t._item.parent as YType
  return t === root
}

/** Let an undo manager take decisions into its history: under `comments` it removes only the undoable fields. */
export function prepareDecisionUndo(um: Y.UndoManager): Y.UndoManager {
  if (prepared.has(um)) return um
  const base = um.deleteFilter
  const comments = um.doc.getMap(COMMENTS) as unknown as YType
  um.deleteFilter = item => (underRoot(item, comments) ? UNDOABLE_FIELDS.has(item.parentSub ?? '') : base(item))
  prepared.add(um)
  return um
}

/** The editor's undo manager, ready to take decisions into its history (null without collaboration). */
export function decisionUndoManager(editor: Editor): Y.UndoManager | null {
  const um = (yUndoPluginKey.getState(editor.state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager
  return um ? prepareDecisionUndo(um) : null
}
