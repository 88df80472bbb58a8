/**
 * A page break, as Word has it (Ctrl+Enter; `w:br w:type="page"`, or a paragraph with
 * `w:pageBreakBefore`): a block of its own between paragraphs. The editor draws it as a dashed
 * line labelled "Page break" (assets/css/editor.css, the label in the interface language through
 * the `--chorus-text-page-break` variable app.vue sets); the export writes a page break.
 */
import { Extension, Node } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pageBreak: {
      /** Insert a page break after the current block (Word's Ctrl+Enter). */
      setPageBreak: () => ReturnType
    }
  }
}

export const PAGE_BREAK = 'pageBreak'

export const PageBreak = Node.create({
  name: PAGE_BREAK,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  parseHTML() {
    return [{ tag: 'div[data-page-break]' }]
  },
  renderHTML() {
    // The label's words come from CSS (the interface language), so the schema stays language-free.
    return ['div', { 'data-page-break': '', 'class': 'page-break', 'contenteditable': 'false' }, ['span', { class: 'page-break-label' }]]
  },
  renderText() {
    return '\n'
  },
  addCommands() {
    return {
      setPageBreak: () => ({ state, chain }) => {
        // Not inside notes, tables or lists: Word breaks pages between body paragraphs.
        const { $from } = state.selection
        for (let d = $from.depth; d > 0; d--) {
          if (['footnotes', 'table', 'listItem', 'blockquote'].includes($from.node(d).type.name)) return false
        }
        return chain().insertContent([{ type: this.name }, { type: 'paragraph' }]).run()
      },
    }
  },
})

/**
 * Ctrl+Enter inserts a page break, as in Word and Google Docs: bound by an extension of higher
 * priority than the hard break's own Mod-Enter (raising the node's priority would put it before
 * `paragraph` in the schema, and empty sections would be filled with page breaks).
 */
export const PageBreakKeys = Extension.create({
  name: 'pageBreakKeys',
  priority: 101,
  addKeyboardShortcuts() {
    return { 'Mod-Enter': () => this.editor.commands.setPageBreak() }
  },
})
