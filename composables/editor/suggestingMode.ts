/**
 * Suggesting mode in the browser editor: with the mode on, every transaction the person makes is
 * rewritten by shared/editor/suggestChanges.ts before it is applied (Tiptap's extension
 * `dispatchTransaction` hook, @tiptap/core ≥ 3.15), so typed, pasted and deleted text becomes
 * their suggestion. Changes arriving from Yjs (others' edits, undo) pass untouched, and so do
 * decisions (SUGGESTION_DECISION meta). Structure changes are refused with a message; a reviewer's
 * formatting too (the hub lets reviewers change nothing but their own suggestions).
 * Ctrl+Shift+E (Word's "Track changes") switches the mode, through the page.
 */
import { Extension } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { suggestChanges } from '#shared/editor/suggestChanges'
import { stripSuggestionMarks } from '#shared/editor/stripSuggestionMarks'

/** Meta on a transaction that accepts or rejects suggestions: applied as it is. */
export const SUGGESTION_DECISION = 'chorusSuggestionDecision'

export type BlockedChange = 'structure' | 'formatting'

export interface SuggestingModeOptions {
  author: { id: string, name: string }
  /** Is the mode on now (read on every transaction: a plain getter, no scan). */
  isOn: () => boolean
  /** May formatting apply directly in suggesting mode (false for reviewers)? */
  directFormatting: () => boolean
  onBlocked: (what: BlockedChange) => void
  /** Ctrl+Shift+E. */
  toggle: () => void
}

const fromYjs = (tr: Transaction) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
const formats = (tr: Transaction) => tr.steps.some(s => s instanceof AddMarkStep || s instanceof RemoveMarkStep)

export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggestingMode',

  addOptions() {
    return { author: { id: '', name: '' }, isOn: () => false, directFormatting: () => true, onBlocked: () => {}, toggle: () => {} }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-e': () => {
        this.options.toggle()
        return true
      },
    }
  },

  dispatchTransaction({ transaction, next }) {
    if (!transaction.docChanged || fromYjs(transaction) || transaction.getMeta(SUGGESTION_DECISION)) return next(transaction)
    if (!this.options.isOn()) return next(stripSuggestionMarks(transaction))
    if (!this.options.directFormatting() && formats(transaction)) return this.options.onBlocked('formatting')
    const result = suggestChanges(this.editor.state, transaction, this.options.author)
    if (result.kind === 'structural') return this.options.onBlocked('structure')
    next(result.tr)
  },
})
