/**
 * The editor's keyboard shortcuts, as Word and Google Docs users know them: one table for the
 * toolbar's tooltips and for the "Keyboard shortcuts" dialog (Ctrl+/). The keys themselves are
 * bound by the Tiptap extensions (StarterKit, wordShortcuts.ts, the comment selection menu);
 * `kbds` is how Nuxt UI's UKbd names them, `aria` the aria-keyshortcuts value; `label` is read from
 * locales/*.json (`shortcuts.<id>`) in the interface language.
 */
import { interfaceT } from '~~/utils/interfaceI18n'

export interface Shortcut { readonly label: string, kbds: string[], aria: string }

const key = (id: string, kbds: string[]): Shortcut => ({
  get label() { return interfaceT(`shortcuts.${id}`) },
  kbds,
  aria: kbds.map(k => ({ meta: 'Control', alt: 'Alt', shift: 'Shift', tab: 'Tab', enter: 'Enter', escape: 'Escape' } as Record<string, string>)[k] ?? k).join('+'),
})

export const SHORTCUTS = {
  bold: key('bold', ['meta', 'B']),
  italic: key('italic', ['meta', 'I']),
  underline: key('underline', ['meta', 'U']),
  strike: key('strike', ['meta', 'shift', 'S']),
  paragraph: key('paragraph', ['meta', 'alt', '0']),
  heading2: key('heading2', ['meta', 'alt', '1']),
  heading3: key('heading3', ['meta', 'alt', '2']),
  heading4: key('heading4', ['meta', 'alt', '3']),
  bulletList: key('bulletList', ['meta', 'shift', '8']),
  orderedList: key('orderedList', ['meta', 'shift', '7']),
  outdent: key('outdent', ['shift', 'tab']),
  indent: key('indent', ['tab']),
  blockquote: key('blockquote', ['meta', 'shift', 'B']),
  link: key('link', ['meta', 'K']),
  footnote: key('footnote', ['meta', 'alt', 'F']),
  // A recommendation in a CRC report, a question for the State in an LOIPR submission (composables/editor/recommendationView.ts).
  recommendation: key('recommendation', ['meta', 'alt', 'R']),
  // "See para. 27" by picking the target (composables/editor/crossReferenceView.ts).
  crossReference: key('crossReference', ['meta', 'alt', 'X']),
  // From a figure's caption (or the selected figure) to its tools: alignment, alt text, the resize handle (figureView.ts).
  figureTools: key('figureTools', ['alt', 'F10']),
  hardBreak: key('hardBreak', ['shift', 'enter']),
  // Outside lists and tables Tab inserts a tab character; it never leaves the text (keyboardNavigation.ts).
  tab: key('tab', ['tab']),
  storyEnd: key('storyEnd', ['meta', 'End']),
  leaveFootnote: key('leaveFootnote', ['escape']),
  // Two keys one after the other, not together: the label says so.
  leaveText: key('leaveText', ['escape', 'tab']),
  comment: key('comment', ['meta', 'alt', 'M']),
  suggesting: key('suggesting', ['meta', 'shift', 'E']),
  undo: key('undo', ['meta', 'Z']),
  redo: key('redo', ['meta', 'Y']),
  help: key('help', ['meta', '/']),
  find: key('find', ['meta', 'F']),
  replace: key('replace', ['meta', 'H']),
  findNext: key('findNext', ['F3']),
} satisfies Record<string, Shortcut>

export type ShortcutId = keyof typeof SHORTCUTS

/** The dialog's sections, in reading order (`title`: the key of its heading, `shortcuts.groups.<title>`). */
export const SHORTCUT_GROUPS: Array<{ title: string, ids: ShortcutId[] }> = [
  { title: 'text', ids: ['bold', 'italic', 'underline', 'strike', 'link'] },
  { title: 'paragraphs', ids: ['paragraph', 'heading2', 'heading3', 'heading4', 'bulletList', 'orderedList', 'indent', 'outdent', 'tab', 'blockquote', 'hardBreak'] },
  { title: 'report', ids: ['footnote', 'recommendation', 'crossReference', 'figureTools', 'leaveFootnote', 'storyEnd', 'leaveText', 'comment', 'suggesting', 'undo', 'redo', 'find', 'replace', 'findNext', 'help'] },
]
