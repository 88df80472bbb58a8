/**
 * Find and replace in a section body: pure matching over a ProseMirror document (the editor's, or
 * one read from the section's Y.XmlFragment when the section has no editor yet), the replacing
 * transform, and the highlights (decorations) an editor draws for the matches.
 *
 * What find sees: the text **as displayed** — every textblock of the body and of its footnotes,
 * suggested insertions and suggested deletions included, in document order. A match never crosses
 * a paragraph (or table cell, or note) nor an inline object (a footnote reference, a line break):
 * those count as one character no query contains. Marks (bold, links, suggestions) do not split
 * the text. A match that covers text marked as a suggested deletion is found and shown, but never
 * replaced (`inDeletion`): that text is already proposed for removal. Ignoring case, the dotted and
 * dotless i of Azerbaijani match their capitals (İ/i, I/ı) as well as English I/i.
 *
 * No Vue, no DOM: the unit tests (tests/unit/findReplace.test.ts) check the matcher against a
 * simple oracle with fast-check.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Mark, Node as PmNode } from '@tiptap/pm/model'
import { DELETION, INSERTION } from './suggestionMarks'

export interface FindOptions {
  matchCase: boolean
  wholeWord: boolean
}

/** One match in a section body, in document positions. */
export interface TextMatch {
  from: number
  to: number
  /** Covers text marked as a suggested deletion: shown, never replaced. */
  inDeletion: boolean
}

/** Stands for an inline object (footnote reference, line break) in a textblock's text. */
export const OBJECT_CHAR = '\uFFFC'

/** One textblock: its text (one character per document position) and its deleted runs. */
export interface TextblockText {
  /** Document position of the textblock's first character. */
  start: number
  text: string
  /** [from, to) offsets in `text` marked as a suggested deletion. */
  deleted: Array<[number, number]>
}

/** The textblocks of a document in order (body, then footnotes), each as plain text. */
export function textblocks(doc: PmNode): TextblockText[] {
  const out: TextblockText[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    let text = ''
    const deleted: Array<[number, number]> = []
    node.forEach((child) => {
      const at = text.length
      if (child.isText) text += child.text!
      else text += OBJECT_CHAR.repeat(child.nodeSize)
      if (child.marks.some(m => m.type.name === DELETION)) {
        const last = deleted[deleted.length - 1]
        if (last && last[1] === at) last[1] = text.length
        else deleted.push([at, text.length])
      }
    })
    out.push({ start: pos + 1, text, deleted })
    return false
  })
  return out
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]'

/**
 * Azerbaijani (and Turkish) pair i with İ and ı with I; Unicode's simple case folding (the `i` flag)
 * knows only i/I. Ignoring case, "istanbul" finds "İstanbul" and "ıldız" finds "Ildız" too.
 */
const DOTTED_I: Record<string, string> = { 'i': '[iİ]', 'İ': '[iİ]', 'ı': '[ıI]', 'I': '[ıI]' }

/** The query as a global regular expression, or null when there is nothing to look for. */
export function queryPattern(query: string, options: FindOptions): RegExp | null {
  const q = query.replaceAll(OBJECT_CHAR, '')
  if (!q) return null
  let escaped = q.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  if (!options.matchCase) escaped = escaped.replace(/[iIİı]/g, c => DOTTED_I[c]!)
  const source = options.wholeWord ? `(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})` : escaped
  return new RegExp(source, options.matchCase ? 'gu' : 'giu')
}

/** [from, to) offsets of the query in `text`: leftmost first, never overlapping. */
export function findInText(text: string, pattern: RegExp | null): Array<[number, number]> {
  if (!pattern) return []
  const out: Array<[number, number]> = []
  pattern.lastIndex = 0
  for (const m of text.matchAll(pattern)) out.push([m.index, m.index + m[0].length])
  return out
}

/** Every match of the query in these textblocks, in document order. */
export function findInTextblocks(blocks: TextblockText[], query: string, options: FindOptions): TextMatch[] {
  const pattern = queryPattern(query, options)
  if (!pattern) return []
  const out: TextMatch[] = []
  for (const block of blocks) {
    for (const [s, e] of findInText(block.text, pattern)) {
      out.push({ from: block.start + s, to: block.start + e, inDeletion: block.deleted.some(([ds, de]) => ds < e && s < de) })
    }
  }
  return out
}

/** Every match of the query in a section body, in document order. */
export function findMatches(doc: PmNode, query: string, options: FindOptions): TextMatch[] {
  return findInTextblocks(textblocks(doc), query, options)
}

const isSuggestion = (m: Mark) => m.type.name === INSERTION || m.type.name === DELETION

/**
 * Replace these matches with `replacement` in one transaction (one undo step). The new text takes
 * the formatting of the first character it replaces, never its suggestion marks (in Suggesting
 * mode the editor's transform turns each replacement into my deletion + insertion). Matches in
 * suggested deletions are left alone. Returns how many were replaced.
 */
export function replaceMatches(tr: Transaction, matches: readonly TextMatch[], replacement: string): number {
  const schema = tr.doc.type.schema
  const todo = matches.filter(m => !m.inDeletion && m.from < m.to).sort((a, b) => b.from - a.from)
  let done = 0
  let lastFrom = Infinity
  for (const m of todo) {
    if (m.to > lastFrom) continue // overlapping input: keep the later one
    const marks = (tr.doc.nodeAt(m.from)?.marks ?? []).filter(mark => !isSuggestion(mark))
    if (replacement) tr.replaceWith(m.from, m.to, schema.text(replacement, marks))
    else tr.delete(m.from, m.to)
    lastFrom = m.from
    done++
  }
  return done
}

/** What the find bar tells an editor to draw. */
export interface FindHighlightMeta {
  matches: ReadonlyArray<{ from: number, to: number }>
  /** Index into `matches` of the current one, or -1. */
  current: number
}

interface FindHighlightState { decorations: DecorationSet }

export const findHighlightsKey = new PluginKey<FindHighlightState>('findHighlights')

function draw(doc: PmNode, meta: FindHighlightMeta): DecorationSet {
  if (!meta.matches.length) return DecorationSet.empty
  return DecorationSet.create(doc, meta.matches
    .filter(m => m.from < m.to && m.to <= doc.content.size)
    .map((m, i) => Decoration.inline(m.from, m.to, { class: i === meta.current ? 'chorus-find-match is-current' : 'chorus-find-match' })))
}

/** Set what this editor draws (a transaction that changes only decorations). */
export function setFindHighlights(tr: Transaction, meta: FindHighlightMeta): Transaction {
  return tr.setMeta(findHighlightsKey, meta).setMeta('addToHistory', false)
}

/**
 * The matches of the report-wide find drawn in one editor: every match, and the current one more
 * strongly. The find bar sets them (`setFindHighlights`); edits map them until it sets them again.
 */
export const FindHighlights = Extension.create({
  name: 'findHighlights',
  addProseMirrorPlugins() {
    return [new Plugin<FindHighlightState>({
      key: findHighlightsKey,
      state: {
        init: () => ({ decorations: DecorationSet.empty }),
        apply(tr, value) {
          const meta = tr.getMeta(findHighlightsKey) as FindHighlightMeta | undefined
          if (meta) return { decorations: draw(tr.doc, meta) }
          return tr.docChanged ? { decorations: value.decorations.map(tr.mapping, tr.doc) } : value
        },
      },
      props: {
        decorations: state => findHighlightsKey.getState(state)?.decorations,
      },
    })]
  },
})
