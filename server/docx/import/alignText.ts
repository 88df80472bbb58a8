/**
 * The text of a section body as characters with their ProseMirror positions and suggestion marks,
 * and the alignment of two such texts (a live section and the same section in a reviewed Word
 * copy) by a character diff. Aligning by the text around a change, not by positions, is what lets
 * a reviewed copy land in a report that moved on since it was exported: words still common to
 * both anchor everything in between.
 */
import { diffArrays } from 'diff'
import { DELETION, INSERTION, PARAGRAPH_MARK, SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion, type SuggestionAttrs } from '#shared/editor/suggestionMarks'
import { nodeSize } from '../export/positions'
import type { PMMark, PMNode } from '../types'

/**
 * One character: `pos` in its doc (-1 for the block separator), its marks. A block separator of a
 * top-level paragraph or heading knows the block (`block`: its position) and carries the block's
 * suggested break as `ins` (a split) or `del` (a join), so a paragraph break proposed in Word or in
 * Chorus is compared and placed like a character.
 */
export interface Char {
  ch: string
  pos: number
  block?: number
  ins?: SuggestionAttrs
  del?: SuggestionAttrs
  marks?: PMMark[]
}

/** A diff of two long texts must not hold the room's queue for long. */
const DIFF_TIMEOUT_MS = 1500

/** The characters of the top-level blocks `blocks` (positions from `start`), blocks separated by "\n". */
export function flatten(blocks: PMNode[], start = 0): Char[] {
  const out: Char[] = []
  const walk = (node: PMNode, pos: number, top = false) => {
    if (node.type === 'text') {
      const ins = node.marks?.find(m => m.type === INSERTION)?.attrs as SuggestionAttrs | undefined
      const del = node.marks?.find(m => m.type === DELETION)?.attrs as SuggestionAttrs | undefined
      const marks = node.marks?.filter(m => m.type !== INSERTION && m.type !== DELETION)
      for (let i = 0; i < (node.text ?? '').length; i++) out.push({ ch: node.text![i]!, pos: pos + i, ins, del, marks })
      return
    }
    if (node.type === 'paragraph' || node.type === 'heading') {
      const split = top ? paragraphSuggestion(node.attrs?.[SUGGESTED_SPLIT]) : null
      const join = top ? paragraphSuggestion(node.attrs?.[SUGGESTED_JOIN]) : null
      out.push({ ch: '\n', pos: -1, ...(top ? { block: pos } : {}), ...(split ? { ins: split } : {}), ...(join ? { del: join } : {}) })
    }
    let child = pos + 1
    for (const c of node.content ?? []) {
      walk(c, child)
      child += nodeSize(c)
    }
  }
  let pos = start
  for (const block of blocks) {
    walk(block, pos, true)
    pos += nodeSize(block)
  }
  return out
}

/** The plain text of characters. */
export function textOf(chars: Char[]): string {
  return chars.map(c => c.ch).join('')
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Words, runs of spaces and single other characters: the units two texts are compared in. Text
 * under an insertion mark only equals text under one on the other side too, so words a reviewer
 * inserted never stand in for the live text around them (and an exported Chorus insertion read
 * back still matches itself).
 */
function tokens(chars: Char[]): string[] {
  const out: string[] = []
  let current = ''
  let key = ''
  for (const c of chars) {
    // Text both inserted and proposed for deletion is exported as a deletion only: it is not keyed.
    const k = (WORD_CHAR.test(c.ch) ? 'w' : /\s/.test(c.ch) ? 's' : 'o') + (c.ins && !c.del ? '+' : '')
    if (current && (k !== key || k.startsWith('o'))) {
      out.push(current + (key.endsWith('+') ? '\u0000' : ''))
      current = ''
    }
    current += c.ch
    key = k
  }
  if (current) out.push(current + (key.endsWith('+') ? '\u0000' : ''))
  return out
}

/**
 * For each character of `b`, the index of the same character in `a`, or -1; null when the diff
 * gave up. Compared word by word (a character diff would align the letters of an inserted word
 * with unrelated letters around it), then mapped character by character inside equal words.
 */
export function alignChars(a: Char[], b: Char[]): Int32Array | null {
  const map = new Int32Array(b.length).fill(-1)
  const parts = diffArrays(tokens(a), tokens(b), { timeout: DIFF_TIMEOUT_MS })
  if (!parts) return null
  let ia = 0
  let ib = 0
  for (const part of parts) {
    const n = part.value.reduce((sum, t) => sum + t.replace('\u0000', '').length, 0)
    if (part.added) ib += n
    else if (part.removed) ia += n
    else {
      for (let k = 0; k < n; k++) map[ib + k] = ia + k
      ia += n
      ib += n
    }
  }
  return map
}

/** Runs of consecutive indexes of `indexes` (sorted) as [first, last] pairs. */
export function runs(indexes: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const i of indexes) {
    const last = out[out.length - 1]
    if (last && last[1] === i - 1) last[1] = i
    else out.push([i, i])
  }
  return out
}

/** The Word-side tracked changes of a stretch of characters, one entry per change id and kind. */
export function wordChanges(chars: Char[]): Array<{ kind: 'insertion' | 'deletion', author: string, text: string }> {
  const byKey = new Map<string, { kind: 'insertion' | 'deletion', author: string, text: string }>()
  for (const c of chars) {
    for (const [kind, a] of [['insertion', c.ins], ['deletion', c.del]] as const) {
      if (!a) continue
      const e = byKey.get(kind + a.id) ?? { kind, author: a.wordAuthor ?? a.authorName, text: '' }
      e.text += c.ch === '\n' ? PARAGRAPH_MARK : c.ch
      byKey.set(kind + a.id, e)
    }
  }
  return [...byKey.values()]
}

/** Where a Word-only stretch [a, b] goes in the live text: after its aligned left neighbour, else before its right one. */
export function insertPoint(a: number, b: number, map: Int32Array, live: Char[]): number | null {
  for (let i = a - 1; i >= 0; i--) {
    const j = map[i]!
    if (j < 0) continue
    if (live[j]!.pos >= 0) return live[j]!.pos + 1
    // The left neighbour is a block boundary: go before the right neighbour instead.
    break
  }
  for (let i = b + 1; i < map.length; i++) {
    const j = map[i]!
    if (j >= 0 && live[j]!.pos >= 0) return live[j]!.pos
  }
  return null
}
