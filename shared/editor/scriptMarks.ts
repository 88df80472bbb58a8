/**
 * Superscript and subscript, as Word has them (`w:vertAlign`): marks that exclude each other.
 * Keys as in Word and Google Docs: Ctrl+. superscript, Ctrl+, subscript. Imported from Word's
 * `w:vertAlign` and LibreOffice's raised / lowered text (`w:position`), exported as `w:vertAlign`.
 */
import { Mark } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    scriptMarks: {
      /** Toggle superscript on the selection (removes subscript). */
      toggleSuperscript: () => ReturnType
      /** Toggle subscript on the selection (removes superscript). */
      toggleSubscript: () => ReturnType
    }
  }
}

export const SUPERSCRIPT = 'superscript'
export const SUBSCRIPT = 'subscript'

/** The part of a DOM element the parser reads (shared/ has no DOM types). */
interface AttributeSource { hasAttribute(name: string): boolean }

export const Superscript = Mark.create({
  name: SUPERSCRIPT,
  excludes: SUBSCRIPT,
  parseHTML() {
    return [
      // A footnote reference is a `sup` too, but a node of its own (shared/editor/footnotes.ts).
      { tag: 'sup', getAttrs: el => ((el as unknown as AttributeSource).hasAttribute('data-footnote-ref') ? false : null) },
      { style: 'vertical-align=super' },
    ]
  },
  renderHTML() {
    return ['sup', 0]
  },
  addCommands() {
    return { toggleSuperscript: () => ({ commands }) => commands.toggleMark(this.name) }
  },
  addKeyboardShortcuts() {
    return { 'Mod-.': () => this.editor.commands.toggleSuperscript() }
  },
})

export const Subscript = Mark.create({
  name: SUBSCRIPT,
  excludes: SUPERSCRIPT,
  parseHTML() {
    return [{ tag: 'sub' }, { style: 'vertical-align=sub' }]
  },
  renderHTML() {
    return ['sub', 0]
  },
  addCommands() {
    return { toggleSubscript: () => ({ commands }) => commands.toggleMark(this.name) }
  },
  addKeyboardShortcuts() {
    return { 'Mod-,': () => this.editor.commands.toggleSubscript() }
  },
})
