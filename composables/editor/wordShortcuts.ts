/**
 * Shortcuts as Word and Google Docs have them, where Tiptap's defaults differ. The section title
 * is the level-1 heading, so Ctrl+Alt+1…3 give the body headings 2…4 (Word's Heading 2…4 in the
 * export). Ctrl+K asks the page for the link dialog. Ctrl+Alt+F does nothing inside a note.
 */
import { Extension } from '@tiptap/core'

export interface WordShortcutsOptions {
  /** Open the link dialog for this editor. */
  onLinkRequest: () => void
}

export const WordShortcuts = Extension.create<WordShortcutsOptions>({
  name: 'wordShortcuts',
  // Before the Heading extension's own Mod-Alt-2…4.
  priority: 1000,

  addOptions() {
    return { onLinkRequest: () => {} }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-1': () => this.editor.commands.toggleHeading({ level: 2 }),
      'Mod-Alt-2': () => this.editor.commands.toggleHeading({ level: 3 }),
      'Mod-Alt-3': () => this.editor.commands.toggleHeading({ level: 4 }),
      // A note cannot hold a footnote of its own (Word refuses too).
      'Mod-Alt-f': () => this.editor.isActive('footnotes'),
      'Mod-k': () => {
        this.options.onLinkRequest()
        return true
      },
    }
  },
})
