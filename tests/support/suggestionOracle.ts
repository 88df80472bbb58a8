/**
 * The oracle's rules for tracked changes in section text, judged on two documents (before and
 * after Yjs applied an update to a clone), written independently of the guard: every character
 * of every paragraph text with its attributes (read through Y.XmlText#toDelta), aligned by
 * content per paragraph (server/collab/textAlign.ts explains why content, not Yjs identity). See docs/suggestions.md for the model: `insertion` / `deletion` attributes carrying
 * the suggester's account.
 */
import * as Y from 'yjs'
import { alignTokens, token } from '../../server/collab/textAlign'
import type { Token } from '../../server/collab/textAlign'
import { same } from './docSnapshot'

export interface SuggestionJudge { userId: string, userName: string, editor: boolean, decider: boolean }

/**
 * A decision the writer takes back in the update being judged (their own record, whose status is
 * gone afterwards): its suggestion may reappear, with the recorded attributes, on at most the
 * recorded characters (`after` for the insertion, `before` for the deletion).
 */
export interface Withdrawn { suggestionId: string, marks: unknown[], after: string, before: string }

type YType = Parameters<typeof Y.findRootTypeKey>[0]
type Attrs = Readonly<Record<string, unknown>>

/** Every text under a type (by the id of its item), each as its visible characters with attributes. */
function texts(type: YType, out = new Map<string, Token[]>()): Map<string, Token[]> {
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const t = item.content.type
    if (t instanceof Y.XmlText) out.set(`${item.id.client}:${item.id.clock}`, characters(t))
    else texts(t, out)
  }
  return out
}

function characters(text: Y.XmlText): Token[] {
  const out: Token[] = []
  for (const op of text.toDelta() as Array<{ insert: unknown, attributes?: Attrs }>) {
    const attrs = op.attributes ?? {}
    if (typeof op.insert === 'string') for (const ch of op.insert) out.push(token(ch, attrs))
    else out.push(token('\uFFFC', attrs))
  }
  return out
}

/** A suggested break in a paragraph attribute, read as the app's readers read it. */
function breakSuggestion(v: unknown): Record<string, unknown> | null {
  if (typeof v !== 'string') return null
  try {
    const x = JSON.parse(v) as Record<string, unknown>
    return x && typeof x === 'object' && typeof x.id === 'string' && x.id !== '' && typeof x.authorId === 'string'
      ? { id: x.id, authorId: x.authorId, authorName: String(x.authorName ?? ''), createdAt: Number(x.createdAt ?? 0), wordAuthor: typeof x.wordAuthor === 'string' ? x.wordAuthor : null }
      : null
  } catch {
    return null
  }
}

/**
 * Everything a section shows, in order, through Yjs' public reading API: the characters of its
 * texts; a `¶` for each top-level paragraph or heading (its node name and attributes, the
 * suggested split as an `insertion`, the suggested join as a `deletion`); other elements as an
 * opening and a closing token; a text's own attributes and anything else as one token.
 */
function flat(type: YType, top = true, out: Token[] = []): Token[] {
  // A root read before anyone asked for it as a fragment is still a plain type: ask for it.
  const list = type instanceof Y.XmlFragment ? type : type._item ? null : type.doc!.getXmlFragment(Y.findRootTypeKey(type))
  for (const child of (list?.toArray() ?? []) as unknown[]) {
    if (child instanceof Y.XmlText) {
      out.push(...characters(child))
      const attrs = child.getAttributes()
      if (Object.keys(attrs).length) out.push(token('\u0003', attrs))
    } else if (child instanceof Y.XmlElement) {
      const attrs: Record<string, unknown> = { nodeName: child.nodeName, ...child.getAttributes() }
      if (top && (child.nodeName === 'paragraph' || child.nodeName === 'heading')) {
        const split = breakSuggestion(attrs.suggestedSplit)
        const join = breakSuggestion(attrs.suggestedJoin)
        if (split) {
          delete attrs.suggestedSplit
          attrs.insertion = split
        }
        if (join) {
          delete attrs.suggestedJoin
          attrs.deletion = join
        }
        out.push(token('¶', attrs))
        flat(child, false, out)
      } else {
        out.push(token('\u0001', attrs))
        flat(child, false, out)
        out.push(token('\u0002', {}))
      }
    } else {
      out.push(token('\uFFFC', { other: String((child as { constructor?: { name?: string } })?.constructor?.name) }))
    }
  }
  return out
}

/** The section's structure without its text: element names, attributes and nesting. */
function structure(type: YType): { list: unknown[], map: Record<string, unknown> } {
  const out: unknown[] = []
  for (let item = type._start; item; item = item.right) {
    if (item.deleted) continue
    const c = item.content
    if (c instanceof Y.ContentType) {
      const t = c.type
      const attrs: Record<string, unknown> = {}
      for (const [k, v] of t._map) if (!v.deleted) attrs[k] = (v.content as Y.ContentAny).arr?.[0] ?? null
      out.push({ id: `${item.id.client}:${item.id.clock}`, kind: t instanceof Y.XmlElement ? t.nodeName : t.constructor.name, attrs, children: t instanceof Y.XmlText ? null : structure(t) })
    } else if (!(c instanceof Y.ContentString) && !(c instanceof Y.ContentFormat)) {
      out.push({ other: c.constructor.name })
    }
  }
  const map: Record<string, unknown> = {}
  for (const [k, v] of type._map) if (!v.deleted) map[k] = v.content.constructor.name
  return { list: out, map }
}

const own = (s: unknown, j: SuggestionJudge) => {
  const x = s as { authorId?: unknown, authorName?: unknown, wordAuthor?: unknown } | null | undefined
  return !!x && typeof x === 'object' && x.authorId === j.userId && x.authorName === j.userName && !x.wordAuthor
}
const ownedBy = (s: unknown, j: SuggestionJudge) => !!s && typeof s === 'object' && (s as { authorId?: unknown }).authorId === j.userId

/** Characters still to be put back, per withdrawn decision and mark: consumed as the oracle walks. */
type Budget = (key: 'insertion' | 'deletion', attrs: unknown, ch: string) => boolean

function budget(withdrawn: Withdrawn[]): Budget {
  const left = withdrawn.map(w => ({ w, insertion: [...w.after], deletion: [...w.before] }))
  const equal = (x: unknown, y: unknown) => {
    if (!x || !y || typeof x !== 'object' || typeof y !== 'object') return false
    const keys = new Set([...Object.keys(x), ...Object.keys(y)])
    return [...keys].every(k => ((x as Record<string, unknown>)[k] ?? null) === ((y as Record<string, unknown>)[k] ?? null))
  }
  return (key, attrs, ch) => {
    for (const l of left) {
      if ((attrs as { id?: unknown }).id !== l.w.suggestionId || !l.w.marks.some(m => equal(m, attrs))) continue
      const i = l[key].indexOf(ch)
      if (i < 0) continue
      l[key].splice(i, 1)
      return true
    }
    return false
  }
}

function inserted(attrs: Attrs, ch: string, j: SuggestionJudge, back: Budget): string | null {
  const ins = attrs.insertion
  const del = attrs.deletion
  if ((ins && !own(ins, j) && !(j.decider && back('insertion', ins, ch))) || (del && !own(del, j) && !(j.decider && back('deletion', del, ch)))) return 'new text in someone else\'s suggestion'
  if (!j.editor && !ins) return 'a suggester typed text that is not a suggestion'
  return null
}

function changed(old: Attrs, now: Attrs, ch: string, j: SuggestionJudge, back: Budget): string | null {
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const [x, y] = [old[key], now[key]]
    if (same(x, y)) continue
    // Put back by an undo of the writer's own decision.
    const restored = (k: 'insertion' | 'deletion') => x == null && y != null && j.decider && back(k, y, ch)
    if (key === 'insertion') {
      if (y != null && !(own(y, j) && ownedBy(x, j)) && !restored('insertion')) return 'existing text became a suggested insertion'
      if (y == null && !j.decider) return 'accepted a suggestion without the right'
    } else if (key === 'deletion') {
      if (y != null && !own(y, j) && !restored('deletion')) return 'a deletion in someone else\'s name'
      if (x != null && !ownedBy(x, j) && !j.decider) return 'decided someone else\'s deletion without the right'
    } else if (!j.editor) {
      return 'a suggester changed formatting'
    }
  }
  return null
}

/** Null when the change of one section root is allowed for `j`, else the violation. */
export function sectionTextViolation(before: YType | undefined, after: YType | undefined, j: SuggestionJudge, withdrawn: Withdrawn[] = []): string | null {
  let back = budget(withdrawn)
  const judge = (change: ReturnType<typeof alignTokens>[number]) => change.kind === 'insert'
    ? inserted(change.now.attrs, change.now.ch, j, back)
    : change.kind === 'delete'
      ? (j.editor || ownedBy(change.old.attrs.insertion, j) ? null : 'a suggester removed text that was not their own suggestion')
      : changed(change.old.attrs, change.now.attrs, change.now.ch, j, back)
  const structureChanged = !same(before ? structure(before) : null, after ? structure(after) : null)
  // An editor's change is allowed when the texts, paragraph by paragraph, allow it …
  if (!structureChanged || j.editor) {
    const bad = byParagraph(before, after, judge)
    if (!bad || !structureChanged) return bad
  }
  // … or (paragraphs changed) the section read as one sequence, each top-level paragraph break a
  // token (suggested breaks are attributes of the paragraph after the break: docs/suggestions.md).
  if (!j.editor && !same(before ? structure(before).map : null, after ? structure(after).map : null)) return 'a suggester changed the section root'
  back = budget(withdrawn)
  for (const change of alignTokens(before ? flat(before) : [], after ? flat(after) : [])) {
    const bad = judge(change)
    if (bad) return bad
  }
  return null
}

function byParagraph(before: YType | undefined, after: YType | undefined, judge: (change: ReturnType<typeof alignTokens>[number]) => string | null): string | null {
  const b = before ? texts(before) : new Map<string, Token[]>()
  const a = after ? texts(after) : new Map<string, Token[]>()
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    for (const change of alignTokens(b.get(id) ?? [], a.get(id) ?? [])) {
      const bad = judge(change)
      if (bad) return bad
    }
  }
  return null
}
