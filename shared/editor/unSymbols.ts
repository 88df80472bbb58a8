/**
 * UN document symbols in the text: "CRC/C/AZE/CO/5-6", "CRC/C/GC/25", "A/HRC/WG.6/44/AZE/1",
 * "E/C.12/AZE/CO/4", "S/RES/2427 (2018)" are recognised as they are typed, pasted or imported, in
 * the body and in footnotes, and become links to the UN's Official Document System
 * (https://undocs.org/<language>/<symbol>, the UN's permanent address for a symbol). A paragraph
 * citation right after the symbol ("CRC/C/AZE/CO/5-6, para. 12", "…, paras. 12–14") is part of the
 * same link: the document system has no address per paragraph. Nothing is fetched, by the browser
 * or the server: the link is written from the symbol alone.
 *
 * The plugin links a symbol once it is complete (followed by a space or punctuation, or pasted
 * whole), never touches a link a person made, and does nothing in Suggesting mode (a reviewer may
 * not format; a suggestion's symbol is linked when someone accepts it).
 */
import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import type { MarkType, Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/** The UN's document-system languages; a report in another language links to the English text. */
const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es']

/**
 * Series that open a symbol: the principal organs (A, E, S, ST) and the treaty bodies and other
 * series a coalition cites; a symbol has at least two parts after its series and a number
 * ("A/HRC/52/1", "S/2023/123"; not "A/B" or "and/or").
 */
const SERIES = 'A|E|S|ST|CRC|CCPR|CEDAW|CAT|CERD|CRPD|CMW|CED|HRI|TD|UNEP|DP|ICEF|HRC'
const PART = '[A-Z0-9][A-Za-z0-9.\\-]*'
const PARAGRAPH = '(?:paras?\\.?|paragraphs?|par\\.|párrs?\\.|пп?\\.)'
const PARA_NUMBER = '\\d+(?:\\s?\\([a-z]\\))?'
const SYMBOL = new RegExp(
  `(?<![A-Za-z0-9/.])((?:${SERIES})(?:/${PART}){2,})(\\s?\\(\\d{4}\\))?`
  + `((?:,\\s?|\\s)${PARAGRAPH}\\s?${PARA_NUMBER}(?:\\s?(?:[–-]|,|and|et|y|и)\\s?${PARA_NUMBER})*)?`,
  'gu',
)

export interface UnSymbolMatch {
  /** Offsets in the searched text: the whole citation (symbol, year, paragraphs). */
  from: number
  to: number
  symbol: string
}

/** Every UN document symbol cited in `text`, with its paragraph citation if one follows. */
export function findUnSymbols(text: string): UnSymbolMatch[] {
  const found: UnSymbolMatch[] = []
  for (const m of text.matchAll(SYMBOL)) {
    let symbol = m[1]!
    // A sentence's full stop or a dash after the symbol is not part of it.
    symbol = symbol.replace(/[.-]+$/u, '')
    if (symbol.split('/').length < 3 || !/\d/u.test(symbol)) continue
    const tail = symbol === m[1] ? (m[2] ?? '') + (m[3] ?? '') : ''
    found.push({ from: m.index, to: m.index + symbol.length + tail.length, symbol })
  }
  return found
}

/** The permanent address of a symbol in the UN's document system, in `language` where it has it. */
export function unSymbolHref(symbol: string, language = 'en'): string {
  const lang = UN_LANGUAGES.includes(language) ? language : 'en'
  return `https://undocs.org/${lang}/${symbol.split('/').map(encodeURIComponent).join('/')}`
}

/** Is `href` one this module writes (so a person's own links are told apart)? */
export const isUnSymbolHref = (href: unknown) => typeof href === 'string' && href.startsWith('https://undocs.org/')

const fromYjs = (tr: Transaction) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true

/** Map a position of transaction `i`'s document through the transactions after it. */
function mapThrough(transactions: readonly Transaction[], i: number, pos: number, assoc: number): number {
  for (const later of transactions.slice(i + 1)) pos = later.mapping.map(pos, assoc)
  return pos
}

/** The text blocks a set of transactions touched (text written, deleted or re-marked), in the new document. */
function touchedTextblocks(transactions: readonly Transaction[], doc: PmNode): Array<{ node: PmNode, pos: number }> {
  const ranges: Array<[number, number]> = []
  transactions.forEach((tr, i) => {
    tr.steps.forEach((step, k) => {
      // Positions of this step's result, mapped through the rest of the transaction and the later ones.
      const rest = tr.mapping.slice(k + 1)
      const add = (from: number, to: number) => ranges.push([mapThrough(transactions, i, rest.map(from, -1), -1), mapThrough(transactions, i, rest.map(to, 1), 1)])
      if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) add(step.from, step.to)
      else step.getMap().forEach((_a, _b, from, to) => add(from, to))
    })
  })
  const seen = new Set<number>()
  const blocks: Array<{ node: PmNode, pos: number }> = []
  for (const [from, to] of ranges) {
    const a = Math.max(0, Math.min(from, doc.content.size))
    const b = Math.max(a, Math.min(to, doc.content.size))
    doc.nodesBetween(a, b, (node, pos) => {
      if (!node.isTextblock) return true
      if (!seen.has(pos)) {
        seen.add(pos)
        blocks.push({ node, pos })
      }
      return false
    })
  }
  return blocks
}

/**
 * The transaction that links the newly complete symbols in the blocks `transactions` touched, or
 * null. While the person is typing (`typing`), a symbol that ends at the caret is not complete yet.
 */
export function linkUnSymbols(state: EditorState, transactions: readonly Transaction[], options: { language: string, typing: boolean }): Transaction | null {
  const link = state.schema.marks.link as MarkType | undefined
  const deletion = state.schema.marks.deletion as MarkType | undefined
  if (!link) return null
  const caret = state.selection.empty ? state.selection.head : -1
  let tr: Transaction | null = null
  for (const { node, pos } of touchedTextblocks(transactions, state.doc)) {
    // Text with one placeholder character per inline leaf (a footnote reference), so offsets map back.
    const text = node.textBetween(0, node.content.size, undefined, '\uFFFC')
    for (const match of findUnSymbols(text)) {
      const from = pos + 1 + match.from
      const to = pos + 1 + match.to
      if (options.typing && to === caret) continue
      const href = unSymbolHref(match.symbol, options.language)
      let theirs = false
      let struck = false
      let done = true
      state.doc.nodesBetween(from, to, (child) => {
        if (!child.isText) return
        const mark = link.isInSet(child.marks)
        if (mark && !isUnSymbolHref(mark.attrs.href)) theirs = true
        if (mark?.attrs.href !== href) done = false
        if (deletion?.isInSet(child.marks)) struck = true
      })
      // A person's own link is theirs; a link this plugin made on part of the citation (the symbol,
      // before ", para. 12" was typed) grows to the whole.
      if (theirs || struck || done) continue
      tr ??= state.tr
      tr.addMark(from, to, link.create({ href }))
    }
  }
  return tr
}

export const unSymbolLinksKey = new PluginKey('unSymbolLinks')

/** The language of the report's text, from the editor's `lang` (set on the section body). */
function textLanguage(view: EditorView | null): string {
  const lang = view?.dom.closest('[lang]')?.getAttribute('lang') ?? 'en'
  return lang.slice(0, 2).toLowerCase()
}

function suggestingOn(editor: Editor): boolean {
  const mode = editor.extensionManager.extensions.find(e => e.name === 'suggestingMode')
  return (mode?.options as { isOn?: () => boolean } | undefined)?.isOn?.() === true
}

export const UnSymbolLinks = Extension.create({
  name: 'unSymbolLinks',

  addProseMirrorPlugins() {
    const editor = this.editor
    let view: EditorView | null = null
    return [new Plugin({
      key: unSymbolLinksKey,
      view(v) {
        view = v
        return { destroy: () => { view = null } }
      },
      appendTransaction(transactions, _old, state) {
        if (!editor.isEditable || !transactions.some(tr => tr.docChanged)) return null
        if (transactions.some(tr => fromYjs(tr) || tr.getMeta(unSymbolLinksKey))) return null
        if (suggestingOn(editor)) return null
        const typing = !transactions.some(tr => tr.getMeta('uiEvent') === 'paste' || tr.getMeta('uiEvent') === 'drop')
        const tr = linkUnSymbols(state, transactions, { language: textLanguage(view), typing })
        return tr?.setMeta(unSymbolLinksKey, true) ?? null
      },
    })]
  },
})
