/**
 * `crossReference` — "see para. 27", "recommendation R12", "Figure 3": an inline atom that names
 * its target by `refId` (`targetId`) and what it is (`targetKind`). Its text is never stored: it is
 * computed from the report's numbering (shared/reportNumbering.ts) wherever it is shown — the
 * editor's node view, the static render, the DOCX export (a REF field) — so it stays right as text
 * moves and is shown broken when the target is gone. docs/cross-references.md.
 */
import { Node, mergeAttributes } from '@tiptap/core'
import type { TargetKind } from '../reportNumbering'

export const CROSS_REFERENCE = 'crossReference'
export const TARGET_KINDS: readonly TargetKind[] = ['paragraph', 'heading', 'recommendation', 'figure']

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    crossReference: {
      /** Insert a reference to the block with this refId at the cursor. */
      insertCrossReference: (targetId: string, targetKind: TargetKind) => ReturnType
    }
  }
}

/** A refId as we write them (short, letters and digits); anything else is not a reference. */
const REF_ID = /^[A-Za-z0-9_-]{1,40}$/

function targetKind(value: unknown): TargetKind {
  return TARGET_KINDS.includes(value as TargetKind) ? value as TargetKind : 'paragraph'
}

export const CrossReference = Node.create({
  name: CROSS_REFERENCE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      targetId: {
        default: null,
        parseHTML: (el) => {
          const id = el.getAttribute('data-target-id') ?? ''
          return REF_ID.test(id) ? id : null
        },
        renderHTML: attrs => ({ 'data-target-id': attrs.targetId }),
      },
      targetKind: {
        default: 'paragraph',
        parseHTML: el => targetKind(el.getAttribute('data-target-kind')),
        renderHTML: attrs => ({ 'data-target-kind': attrs.targetKind }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-cross-reference]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-cross-reference': '', 'class': 'cross-reference' })]
  },
  // Copied as plain text the reference has no text of its own (the number is the view's).
  renderText() {
    return ''
  },
  addCommands() {
    return {
      insertCrossReference: (targetId, kind) => ({ state, tr, dispatch }) => {
        if (!REF_ID.test(targetId)) return false
        const { $from } = state.selection
        // A reference inside a footnote is fine in Word; inside the notes list it is too, but not
        // in a place that takes no inline content.
        if (!$from.parent.inlineContent) return false
        if (dispatch) tr.replaceSelectionWith(state.schema.nodes[CROSS_REFERENCE]!.create({ targetId, targetKind: targetKind(kind) }), true)
        return true
      },
    }
  },
})
