/**
 * Comment text is plain text with @mentions and links. It is never parsed as HTML: these helpers
 * split it into text, link and mention pieces that the template renders as text nodes and `<a>`
 * elements, so nothing a member types can become markup or script.
 */

/** One piece of a comment body, rendered as a text node, a mention chip or a link. */
export type CommentPiece =
  | { kind: 'text', text: string }
  | { kind: 'mention', text: string, userId: string }
  | { kind: 'link', text: string, href: string }

export interface MentionCandidate { userId: string, name: string }

const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi
const TRAILING = /[.,;:!?'"»”’)\]}]+$/
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** The link itself when `raw` is an http, https or mailto URL, else null (javascript:, data: … stay text). */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw)
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** Strip sentence punctuation after a URL, keeping a closing parenthesis that an opening one inside balances. */
function trimLink(raw: string): string {
  let link = raw
  for (;;) {
    const m = TRAILING.exec(link)
    if (!m) return link
    const cut = link.slice(0, -1)
    if (link.endsWith(')') && (cut.split('(').length > cut.split(')').length)) return link
    link = cut
  }
}

function splitLinks(text: string, out: CommentPiece[]): void {
  let last = 0
  for (const m of text.matchAll(LINK)) {
    const link = trimLink(m[0])
    const href = safeHref(link)
    if (!href) continue
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) })
    out.push({ kind: 'link', text: link, href })
    last = m.index + link.length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
}

const isNameEnd = (ch: string | undefined) => ch === undefined || !/[\p{L}\p{N}_]/u.test(ch)

/**
 * Where `@Name` of one of `people` occurs in `text`, longest names first so "@Ann Lee" is not
 * read as "@Ann". Matching ignores case; a name must end at a word boundary.
 */
export function findMentions(text: string, people: MentionCandidate[]): Array<{ start: number, end: number, userId: string }> {
  const sorted = [...people].filter(p => p.name.trim()).sort((a, b) => b.name.length - a.name.length)
  const lower = text.toLowerCase()
  const taken: boolean[] = []
  const found: Array<{ start: number, end: number, userId: string }> = []
  for (const p of sorted) {
    const needle = '@' + p.name.toLowerCase()
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
      const end = i + needle.length
      if (!isNameEnd(text[end]) || taken[i]) continue
      for (let k = i; k < end; k++) taken[k] = true
      found.push({ start: i, end, userId: p.userId })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The ids of the members a body mentions, each once. */
export function mentionedIds(text: string, people: MentionCandidate[]): string[] {
  return [...new Set(findMentions(text, people).map(m => m.userId))]
}

/**
 * A body as pieces. Only ids in `mentioned` become mention chips (the ids stored with the
 * message), named as `people` knows them; everything else is text or a safe link.
 */
export function commentPieces(text: string, mentioned: string[], people: MentionCandidate[]): CommentPiece[] {
  const ids = new Set(mentioned)
  const mentions = findMentions(text, people.filter(p => ids.has(p.userId)))
  const out: CommentPiece[] = []
  let last = 0
  for (const m of mentions) {
    if (m.start > last) splitLinks(text.slice(last, m.start), out)
    out.push({ kind: 'mention', text: text.slice(m.start, m.end), userId: m.userId })
    last = m.end
  }
  if (last < text.length) splitLinks(text.slice(last), out)
  return out
}

/**
 * The `@query` being typed just before the caret, if any: an `@` at the start or after a space,
 * then at most two words. Returns where the `@` is and what follows it.
 */
export function mentionQueryAt(text: string, caret: number): { at: number, query: string } | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null
  const query = before.slice(at + 1)
  if (query.length > 40 || /[\n@]/.test(query) || /\s\S*\s/.test(query) || query.startsWith(' ')) return null
  return { at, query }
}

/** Members whose name starts with the query, or has a word that does (case ignored). */
export function matchMembers<T extends MentionCandidate>(query: string, people: T[], limit = 6): T[] {
  const q = query.trim().toLowerCase()
  const score = (p: T) => {
    const name = p.name.toLowerCase()
    if (name.startsWith(q)) return 0
    return name.split(/\s+/).some(w => w.startsWith(q)) ? 1 : 2
  }
  return people.filter(p => score(p) < 2).sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name)).slice(0, limit)
}
