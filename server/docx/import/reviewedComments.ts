/**
 * The comments of one section of a reviewed Word copy, against the live section: a comment that
 * is a Chorus thread read back (same body, same author) only brings its new replies; a new one is
 * placed on the live characters aligned with the words it covered (see placeReviewed.ts).
 * Also lists the Word reviewer's accept/reject of Chorus suggestions (reported, not applied).
 */
import type * as Y from 'yjs'
import type { Transform } from '@tiptap/pm/transform'
import { COMMENTS } from '#shared/docNames'
import { addReply, readThreads } from '#shared/commentsDoc'
import { COMMENT_MAX_CHARS } from '#shared/schemas/comments'
import type { Char } from './alignText'
import type { PlacedComment } from './importedThreads'
import type { Importer } from './reviewMarkers'
import type { ReviewedImportReport } from './placeReviewed'
import type { NotPlacedReason } from '#shared/importNotices'
import { PARAGRAPH_MARK } from '#shared/editor/suggestionMarks'

const norm = (s: string) => s.replace(/\s+/g, ' ').trim()

/** New comments with live positions (after `tr`); replies to existing threads are added here. */
export function placeComments(doc: Y.Doc, sectionId: string, words: Char[], comments: PlacedComment[], map: Int32Array, live: Char[], tr: Transform,
  importer: Importer, report: ReviewedImportReport, notPlaced: (kind: 'comment', author: string, text: string, reason: NotPlacedReason) => void): PlacedComment[] {
  const threads = readThreads(doc).filter(t => t.sectionId === sectionId && t.status === 'open')
  const maps = doc.getMap<Y.Map<unknown>>(COMMENTS)
  const out: PlacedComment[] = []
  for (const c of comments) {
    const body = norm(c.text)
    const existing = threads.find((t) => {
      const names = [t.authorName, maps.get(t.id)?.get('wordAuthor')]
      return names.includes(c.author) && norm(t.body) !== '' && body.includes(norm(t.body))
    })
    if (existing) {
      for (const r of c.replies) {
        const known = existing.replies.some(x => !x.deleted && norm(x.body) === norm(r.text))
        if (known) continue
        addReply(doc, existing.id, { author: importer, body: r.text.slice(0, COMMENT_MAX_CHARS), mentions: [], now: r.createdAt })
        const replies = maps.get(existing.id)!.get('replies') as Y.Array<Y.Map<unknown>>
        replies.get(replies.length - 1).set('wordAuthor', r.author)
        report.replies++
      }
      continue
    }
    let inRange = words.flatMap((w, i) => (w.pos >= c.from && w.pos < c.to && map[i]! >= 0 && live[map[i]!]!.pos >= 0 ? [map[i]!] : []))
    if (!inRange.length) {
      // A comment on a point (or on words since removed): the first aligned character after it.
      const next = words.findIndex((w, i) => w.pos >= c.from && map[i]! >= 0 && live[map[i]!]!.pos >= 0)
      if (next < 0) {
        notPlaced('comment', c.author, c.text, 'words-gone')
        continue
      }
      inRange = [map[next]!]
      const at = tr.mapping.map(live[inRange[0]!]!.pos, 1)
      out.push({ ...c, from: at, to: at })
      continue
    }
    const from = tr.mapping.map(live[inRange[0]!]!.pos, 1)
    const to = tr.mapping.map(live[inRange[inRange.length - 1]!]!.pos + 1, -1)
    out.push({ ...c, from, to: Math.max(from, to) })
  }
  return out
}

/** The Word text between the aligned neighbours of live characters `idx` (where they would be), without Word insertions. */
function gapText(idx: number[], toWord: Int32Array, words: Char[], live: Char[]): string {
  let left = -1
  for (let j = idx[0]! - 1; j >= 0 && left < 0; j--) left = toWord[j]!
  // The next aligned letter or digit (spaces around a change align either way).
  let right = words.length
  for (let j = idx[idx.length - 1]! + 1; j < toWord.length && right === words.length; j++) if (toWord[j]! > left && /[\p{L}\p{N}]/u.test(live[j]!.ch)) right = toWord[j]!
  return words.slice(left + 1, right).filter(w => !w.ins).map(w => w.ch).join('')
}

/** Chorus suggestions the Word file accepted (kept as plain text / removed) or rejected. */
export function reportDecisions(sectionId: string, live: Char[], words: Char[], map: Int32Array, report: ReviewedImportReport): void {
  const toWord = new Int32Array(live.length).fill(-1)
  map.forEach((j, i) => {
    if (j >= 0) toWord[j] = i
  })
  const groups = new Map<string, { kind: 'ins' | 'del', idx: number[] }>()
  live.forEach((c, j) => {
    for (const kind of ['ins', 'del'] as const) {
      const a = c[kind]
      if (!a) continue
      const g = groups.get(kind + a.id) ?? { kind, idx: [] }
      g.idx.push(j)
      groups.set(kind + a.id, g)
    }
  })
  for (const [key, g] of groups) {
    const mapped = g.idx.filter(j => toWord[j]! >= 0)
    const text = g.idx.map(j => (live[j]!.ch === '\n' ? PARAGRAPH_MARK : live[j]!.ch)).join('')
    // An insertion with a deletion over it went out as the deletion: still pending while that is.
    const stillMarked = mapped.some(j => words[toWord[j]!]![g.kind] || (g.kind === 'ins' && live[j]!.del && words[toWord[j]!]!.del))
    let decision: 'accepted' | 'rejected' | null = null
    if (!mapped.length) decision = g.kind === 'ins' ? (gapText(g.idx, toWord, words, live).includes(text.trim()) ? 'accepted' : 'rejected') : 'accepted'
    else if (mapped.length === g.idx.length && !stillMarked) decision = g.kind === 'ins' ? 'accepted' : 'rejected'
    if (decision) report.decidedInWord.push({ section: sectionId, suggestionId: key.slice(3), decision, text })
  }
}
