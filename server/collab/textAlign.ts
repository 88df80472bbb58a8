/**
 * What changed in one paragraph's text, by content — not by Yjs identity. The editor binding
 * (y-tiptap's updateYText) rewrites a paragraph as ONE contiguous delete + insert: a transaction
 * that changes two places in a paragraph (accepting one suggestion of three, withdrawing two)
 * re-creates the text between them as new Yjs items carrying the same attributes. Judged by
 * identity, that re-created text would read as "new text in someone else's suggestion"; judged by
 * content it is unchanged. So the old and new character sequences (each character with its
 * attributes) are aligned: first the common start and end that kept both character and
 * attributes, then a longest common subsequence of the characters in between — a character found
 * on both sides is the same text, changed only if its attributes differ (a suggestion marked,
 * accepted, rejected); the rest is deleted or inserted. (Aligning the middle by character and
 * attributes together let a tie pair a letter with the same letter of the same suggestion words
 * later, reading unchanged text as deleted and re-inserted in its suggester's name.)
 */

export interface Token {
  ch: string
  attrs: Readonly<Record<string, unknown>>
  /** `ch` + canonical attributes: equal keys are equal tokens. */
  key: string
}

export type Change =
  | { kind: 'change', old: Token, now: Token }
  | { kind: 'delete', old: Token }
  | { kind: 'insert', now: Token }

/** Above this many cells the middle is not aligned (all deleted and inserted: strict, never lax). */
const MAX_LCS_CELLS = 2_000_000

/** A token for one character with its attributes. */
export function token(ch: string, attrs: Readonly<Record<string, unknown>>): Token {
  const keys = Object.keys(attrs).sort()
  return { ch, attrs, key: ch + '\u0000' + JSON.stringify(keys.map(k => [k, attrs[k]])) }
}

/** The differences between two token sequences (unchanged tokens are left out). */
export function alignTokens(old: Token[], now: Token[]): Change[] {
  let start = 0
  while (start < old.length && start < now.length && old[start]!.key === now[start]!.key) start++
  let endOld = old.length
  let endNew = now.length
  while (endOld > start && endNew > start && old[endOld - 1]!.key === now[endNew - 1]!.key) {
    endOld--
    endNew--
  }
  const a = old.slice(start, endOld)
  const b = now.slice(start, endNew)
  const out: Change[] = []
  let ga: Token[] = []
  let gb: Token[] = []
  for (const [i, j] of lcsPairs(a, b)) {
    if (i < 0) {
      gb.push(b[j]!)
      continue
    }
    if (j < 0) {
      ga.push(a[i]!)
      continue
    }
    gap(ga, gb, out)
    ga = []
    gb = []
    // The same character with other attributes: a suggestion marked, accepted, rejected.
    if (a[i]!.key !== b[j]!.key) out.push({ kind: 'change', old: a[i]!, now: b[j]! })
  }
  gap(ga, gb, out)
  return out
}

/** Pair a gap's characters: equal strings character by character, else common ends, rest deleted / inserted. */
function gap(a: Token[], b: Token[], out: Change[]): void {
  if (!a.length && !b.length) return
  const text = (ts: Token[]) => ts.map(t => t.ch).join('')
  if (text(a) === text(b)) {
    a.forEach((t, i) => out.push({ kind: 'change', old: t, now: b[i]! }))
    return
  }
  let p = 0
  while (p < a.length && p < b.length && a[p]!.ch === b[p]!.ch) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s]!.ch === b[b.length - 1 - s]!.ch) s++
  for (let i = 0; i < p; i++) out.push({ kind: 'change', old: a[i]!, now: b[i]! })
  for (let i = p; i < a.length - s; i++) out.push({ kind: 'delete', old: a[i]! })
  for (let i = p; i < b.length - s; i++) out.push({ kind: 'insert', now: b[i]! })
  for (let i = 0; i < s; i++) out.push({ kind: 'change', old: a[a.length - s + i]!, now: b[b.length - s + i]! })
}

/**
 * The alignment of a and b as a walk: [i, j] for a matched pair, [i, -1] for a only, [-1, j] for
 * b only, in order. Ties prefer keeping old text (deterministic).
 */
function lcsPairs(a: Token[], b: Token[]): Array<[number, number]> {
  const n = a.length
  const m = b.length
  if (!n || !m || n * m > MAX_LCS_CELLS) return [...a.map((_, i) => [i, -1] as [number, number]), ...b.map((_, j) => [-1, j] as [number, number])]
  const w = m + 1
  const table = new Uint32Array((n + 1) * w)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = a[i]!.ch === b[j]!.ch ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!)
    }
  }
  const out: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i]!.ch === b[j]!.ch) out.push([i++, j++])
    else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) out.push([i++, -1])
    else out.push([-1, j++])
  }
  while (i < n) out.push([i++, -1])
  while (j < m) out.push([-1, j++])
  return out
}
