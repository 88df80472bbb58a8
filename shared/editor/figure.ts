/**
 * A figure: an image stored with the report (by the sha256 of its bytes) and its caption, the
 * node's own text ("Children in residential care, 2019–2024"). The label "Figure 3." is never
 * part of the text: numbers run across the report (shared/reportNumbering.ts) and are drawn by the
 * editor and written by the exporter. Shared by the browser, the server's Y.Doc ⇄ JSON conversion
 * and the DOCX exporter/importer, so no DOM use here beyond the element parseHTML hands us.
 * The browser adds a node view (image, label, alt text, alignment, resize) on top of this node.
 */
import { Node } from '@tiptap/core'
import type { Attribute } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'

export const FIGURE = 'figure'
export const FIGURE_ALIGNS = ['left', 'center', 'right'] as const
export type FigureAlign = typeof FIGURE_ALIGNS[number]
/** The smallest width a figure can be resized to, in CSS px (below it an image says nothing). */
export const FIGURE_MIN_WIDTH = 48
/** The widest a figure can be set; wider is "fit the column" (width null). */
export const FIGURE_MAX_WIDTH = 2000

export interface FigureAttrs {
  refId: string | null
  imageId: string | null
  alt: string
  width: number | null
  align: FigureAlign
  naturalWidth: number | null
  naturalHeight: number | null
}

const SHA256_HEX = /^[0-9a-f]{64}$/

/** A positive integer from an HTML attribute, or null (pasted HTML can hold anything). */
function intAttr(value: string | null, max = 100_000): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null
  const n = Number.parseInt(value, 10)
  return n > 0 && n <= max ? n : null
}

/** The element parseHTML hands an attribute (typed through Tiptap: shared/ has no DOM types). */
type ParsedElement = Parameters<NonNullable<Attribute['parseHTML']>>[0]

/** Plain attribute helper: read `data-<name>` from the figure, written back the same way. */
function dataAttr(name: string, parse: (el: ParsedElement) => unknown, render: (value: unknown) => string | null) {
  return {
    parseHTML: parse,
    renderHTML: (attrs: Record<string, unknown>) => {
      const out = render(attrs[name])
      return out === null ? {} : { [`data-${name.replace(/[A-Z]/g, c => '-' + c.toLowerCase())}`]: out }
    },
  }
}

const numberOrNull = (v: unknown) => (typeof v === 'number' ? String(v) : null)

export const Figure = Node.create({
  name: FIGURE,
  group: 'block',
  content: 'inline*',
  // Backspace at the caption's start must not pour the caption into the paragraph before it.
  isolating: true,
  defining: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      refId: { default: null, keepOnSplit: false, ...dataAttr('refId', el => el.getAttribute('data-ref-id') || null, v => (typeof v === 'string' ? v : null)) },
      imageId: {
        default: null,
        ...dataAttr('imageId', (el) => {
          const id = el.getAttribute('data-image-id')?.toLowerCase() ?? ''
          return SHA256_HEX.test(id) ? id : null
        }, v => (typeof v === 'string' ? v : null)),
      },
      alt: {
        default: '',
        // Alt text lives on the <img>; the figure does not repeat it.
        parseHTML: el => el.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      width: { default: null, ...dataAttr('width', el => intAttr(el.getAttribute('data-width'), FIGURE_MAX_WIDTH), numberOrNull) },
      align: {
        default: 'center',
        ...dataAttr('align', (el) => {
          const a = el.getAttribute('data-align')
          return (FIGURE_ALIGNS as readonly string[]).includes(a ?? '') ? a : 'center'
        }, v => (typeof v === 'string' ? v : null)),
      },
      naturalWidth: { default: null, ...dataAttr('naturalWidth', el => intAttr(el.getAttribute('data-natural-width')), numberOrNull) },
      naturalHeight: { default: null, ...dataAttr('naturalHeight', el => intAttr(el.getAttribute('data-natural-height')), numberOrNull) },
    }
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="figure"]', contentElement: 'figcaption' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs
    // No src: the URL needs the report's id, which the schema does not know; the editor's node
    // view and the static render set it (so a serialised document never points at any host).
    const img: Record<string, string> = { alt: attrs.alt }
    if (attrs.width) img.width = String(attrs.width)
    return ['figure', { 'data-type': FIGURE, 'class': 'chorus-figure', ...HTMLAttributes }, ['img', img], ['figcaption', 0]]
  },

  addKeyboardShortcuts() {
    const inFigure = () => this.editor.state.selection.$from.parent.type.name === FIGURE
    return {
      // Enter in a caption continues with a paragraph after the figure (a split would copy the image).
      'Enter': () => {
        const { state } = this.editor
        const { $from, empty } = state.selection
        if (!inFigure() || !empty) return false
        const after = $from.after()
        const tr = state.tr.insert(after, state.schema.nodes.paragraph!.create())
        tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView()
        this.editor.view.dispatch(tr)
        return true
      },
      // Backspace at the caption's start selects the figure (a second Backspace deletes it), as Docs does.
      'Backspace': () => {
        const { state } = this.editor
        const { $from, empty } = state.selection
        if (!inFigure() || !empty || $from.parentOffset !== 0) return false
        this.editor.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, $from.before())))
        return true
      },
    }
  },
})
