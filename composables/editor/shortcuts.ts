/**
 * The editor's keyboard shortcuts, as Word and Google Docs users know them: one table for the
 * toolbar's tooltips and for the "Keyboard shortcuts" dialog (Ctrl+/). The keys themselves are
 * bound by the Tiptap extensions (StarterKit, wordShortcuts.ts, the comment selection menu);
 * `kbds` is how Nuxt UI's UKbd names them, `aria` the aria-keyshortcuts value.
 */
export interface Shortcut { label: string, kbds: string[], aria: string }

const key = (label: string, kbds: string[]): Shortcut => ({
  label,
  kbds,
  aria: kbds.map(k => ({ meta: 'Control', alt: 'Alt', shift: 'Shift', tab: 'Tab', enter: 'Enter' } as Record<string, string>)[k] ?? k).join('+'),
})

export const SHORTCUTS = {
  bold: key('Bold', ['meta', 'B']),
  italic: key('Italic', ['meta', 'I']),
  underline: key('Underline', ['meta', 'U']),
  strike: key('Strikethrough', ['meta', 'shift', 'S']),
  paragraph: key('Normal text', ['meta', 'alt', '0']),
  heading2: key('Heading 2', ['meta', 'alt', '1']),
  heading3: key('Heading 3', ['meta', 'alt', '2']),
  heading4: key('Heading 4', ['meta', 'alt', '3']),
  bulletList: key('Bulleted list', ['meta', 'shift', '8']),
  orderedList: key('Numbered list', ['meta', 'shift', '7']),
  outdent: key('Decrease indent', ['shift', 'tab']),
  indent: key('Increase indent', ['tab']),
  blockquote: key('Quotation', ['meta', 'shift', 'B']),
  link: key('Link', ['meta', 'K']),
  footnote: key('Footnote', ['meta', 'alt', 'F']),
  hardBreak: key('Line break', ['shift', 'enter']),
  comment: key('Comment on the selection', ['meta', 'alt', 'M']),
  suggesting: key('Switch between Editing and Suggesting', ['meta', 'shift', 'E']),
  undo: key('Undo my last change', ['meta', 'Z']),
  redo: key('Redo', ['meta', 'Y']),
  help: key('Keyboard shortcuts', ['meta', '/']),
} satisfies Record<string, Shortcut>

export type ShortcutId = keyof typeof SHORTCUTS

/** The dialog's sections, in reading order. */
export const SHORTCUT_GROUPS: Array<{ title: string, ids: ShortcutId[] }> = [
  { title: 'Text', ids: ['bold', 'italic', 'underline', 'strike', 'link'] },
  { title: 'Paragraphs', ids: ['paragraph', 'heading2', 'heading3', 'heading4', 'bulletList', 'orderedList', 'indent', 'outdent', 'blockquote', 'hardBreak'] },
  { title: 'Report', ids: ['footnote', 'comment', 'suggesting', 'undo', 'redo', 'help'] },
]
