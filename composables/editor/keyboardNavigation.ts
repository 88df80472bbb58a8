/**
 * Moving and indenting with the keyboard as in Word (docs/editor.md, "Keyboard"):
 * - The body and the footnotes are two stories. Ctrl+Home/End (⌘↑/⌘↓ on a Mac; with Shift: select) go to the
 *   start/end of the story the caret is in; Right/Down at the end of the body and Left/Up at the
 *   start of the notes do not cross over. A note is entered by its number (click, or Enter on the
 *   selected reference) and left with Escape: the caret goes right after the reference.
 * - Tab never takes the focus out of the text while typing: list items nest (ListItem), table
 *   cells follow each other (Table) — and where they cannot, Tab is still kept; anywhere else Tab
 *   inserts a tab character (Shift+Tab takes one back).
 * - Keyboard users leave the editor with Escape, then Tab (or Shift+Tab): after an Escape in the
 *   body (or a second one in a note) the next Tab is left to the browser. Escape is not consumed
 *   in the body, so dialogs, menus and the comment composer keep their own Escape.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { inFirstNoteText, inLastBodyText, leaveFootnoteSelection, storyEdgeSelection } from '#shared/editor/footnotes'

const key = new PluginKey('keyboardNavigation')
/** Views where Escape was the last key: the next Tab leaves the editor. */
const escaped = new WeakSet<EditorView>()
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'])

export const KeyboardNavigation = Extension.create({
  name: 'keyboardNavigation',
  // Below ListItem and Table (100): their Tab/Shift+Tab go first, this one catches what they leave.
  priority: 50,

  addKeyboardShortcuts() {
    const edge = (where: 'start' | 'end', extend: boolean) => () => {
      const { state, view } = this.editor
      view.dispatch(state.tr.setSelection(storyEdgeSelection(state, where, extend)).scrollIntoView())
      return true
    }
    const inList = () => this.editor.isActive('listItem')
    const inTable = () => this.editor.isActive('table')
    return {
      'Mod-Home': edge('start', false),
      'Mod-End': edge('end', false),
      'Mod-Shift-Home': edge('start', true),
      'Mod-Shift-End': edge('end', true),
      // The Mac's own keys for the same (⌘↑ / ⌘↓); elsewhere the system keeps the Windows key.
      'Meta-ArrowUp': edge('start', false),
      'Meta-ArrowDown': edge('end', false),
      'Meta-Shift-ArrowUp': edge('start', true),
      'Meta-Shift-ArrowDown': edge('end', true),
      'ArrowRight': () => {
        const { state } = this.editor
        const { $head, empty } = state.selection
        return empty && inLastBodyText(state) && $head.parentOffset === $head.parent.content.size
      },
      'ArrowDown': () => inLastBodyText(this.editor.state) && this.editor.view.endOfTextblock('down'),
      'ArrowLeft': () => {
        const { state } = this.editor
        const { $head, empty } = state.selection
        return empty && inFirstNoteText(state) && $head.parentOffset === 0
      },
      'ArrowUp': () => inFirstNoteText(this.editor.state) && this.editor.view.endOfTextblock('up'),
      'Tab': () => {
        if (!this.editor.isEditable) return false
        if (inList() || inTable()) return true
        const { state, view } = this.editor
        view.dispatch(state.tr.insertText('\t').scrollIntoView())
        return true
      },
      'Shift-Tab': () => {
        if (!this.editor.isEditable) return false
        if (inList() || inTable()) return true
        const { state, view } = this.editor
        const { $head, empty } = state.selection
        if (empty && $head.parent.textBetween(0, $head.parentOffset).endsWith('\t')) {
          view.dispatch(state.tr.delete($head.pos - 1, $head.pos))
        }
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [new Plugin({
      key,
      props: {
        handleDOMEvents: {
          // Before the keymaps: returning true leaves the event to the browser (no preventDefault).
          keydown: (view, event) => {
            if (event.isComposing || MODIFIERS.has(event.key)) return false
            const plain = !event.ctrlKey && !event.metaKey && !event.altKey
            if (event.key === 'Escape' && plain && !event.shiftKey) {
              const back = view.editable ? leaveFootnoteSelection(view.state) : null
              if (back) {
                escaped.delete(view)
                view.dispatch(view.state.tr.setSelection(back).scrollIntoView())
                event.preventDefault()
                return true
              }
              escaped.add(view)
              return false
            }
            if (event.key === 'Tab' && plain && escaped.has(view)) {
              escaped.delete(view)
              return true
            }
            escaped.delete(view)
            return false
          },
          mousedown: (view) => {
            escaped.delete(view)
            return false
          },
          blur: (view) => {
            escaped.delete(view)
            return false
          },
        },
      },
    })]
  },
})
