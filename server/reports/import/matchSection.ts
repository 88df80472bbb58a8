/**
 * Which template section a heading of a Word draft belongs to, the way a coalition member would
 * tell: by the cluster's number ("III. …", "Cluster 3", "Кластер III"), by its title in any of the
 * template's languages (a draft may be in another language than the report), or by the articles
 * it names ("arts. 19, 34", "статьи 19 и 34"). Title first: a draft numbered its own way
 * ("IV. Violence against children") goes to the cluster its words name; then the number; then the
 * articles with the most in common.
 */
import type { MatchReason } from '#shared/schemas/reportImport'

/** A template section as matching needs it: its key, its titles in every language, its articles. */
export interface MatchableSection {
  key: string
  titles: string[]
  articles: string[]
}

const CLUSTER_WORDS = '(?:cluster|group|кластер|блок|раздел|klaster|bölmə|qrup)'
const ROMAN = /^\s*([IVXL]+)\s*[.):–—-]\s*/
const CLUSTER_NUMBER = new RegExp(`^\\s*${CLUSTER_WORDS}\\s+([IVXL]+|\\d+)\\b`, 'i')
// No \b: JavaScript's word boundary knows only ASCII letters ("статьи" would never match).
const ARTICLES = /(?<!\p{L})(?:arts?\.?|articles?|ст\.|стать[яиьей]+|maddə(?:lər)?i?)\s*((?:\d+(?:\s*\([^)]*\))?(?:\s*(?:,|–|-|and|и|və|&)\s*)?)+)/giu

/** The section `title` belongs to, and why; null when nothing matches. */
export function matchSection(title: string, sections: MatchableSection[]): { key: string, match: MatchReason } | null {
  const words = titleWords(title)
  if (words.size) {
    for (const s of sections) {
      if (s.titles.some(t => sameTitle(words, titleWords(t)))) return { key: s.key, match: 'title' }
    }
  }
  const n = clusterNumber(title)
  if (n !== null) {
    const s = sections.find(x => x.titles.some(t => romanPrefix(t) === n))
    if (s) return { key: s.key, match: 'number' }
  }
  const named = articlesIn(title)
  if (named.size) {
    let best: { key: string, score: number } | null = null
    for (const s of sections) {
      const own = expandArticles(s.articles)
      const score = [...named].filter(a => own.has(a)).length
      if (score > 0 && (!best || score > best.score)) best = { key: s.key, score }
    }
    if (best) return { key: best.key, match: 'articles' }
  }
  return null
}

/** "III. …" or "Cluster 3 …" → 3. */
export function clusterNumber(title: string): number | null {
  const word = CLUSTER_NUMBER.exec(title)
  if (word) return /^\d+$/.test(word[1]!) ? Number(word[1]) : romanValue(word[1]!)
  return romanPrefix(title)
}

function romanPrefix(title: string): number | null {
  const m = ROMAN.exec(title)
  return m ? romanValue(m[1]!.toUpperCase()) : null
}

function romanValue(roman: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }
  let total = 0
  for (let i = 0; i < roman.length; i++) {
    const cur = v[roman[i]!.toUpperCase()]
    const next = v[roman[i + 1]?.toUpperCase() ?? ''] ?? 0
    if (cur === undefined) return null
    total += cur < next ? -cur : cur
  }
  return total > 0 ? total : null
}

/** The article numbers a heading names. */
export function articlesIn(title: string): Set<number> {
  const out = new Set<number>()
  for (const m of title.matchAll(ARTICLES)) {
    const list = m[1]!.replace(/\([^)]*\)/g, '')
    for (const range of list.matchAll(/(\d+)\s*(?:[–-]\s*(\d+))?/g)) addRange(out, Number(range[1]), Number(range[2] ?? range[1]))
  }
  return out
}

/** A template's article list ("13–17", "44(6)", "27(1)–(3)") as numbers. */
function expandArticles(articles: string[]): Set<number> {
  const out = new Set<number>()
  for (const a of articles) {
    const m = /^(\d+)(?:\([^)]*\))?(?:\s*[–-]\s*(\d+)?)?/.exec(a.trim())
    if (m) addRange(out, Number(m[1]), Number(m[2] ?? m[1]))
  }
  return out
}

function addRange(out: Set<number>, from: number, to: number): void {
  for (let a = from; a <= Math.min(to, from + 60); a++) out.add(a)
}

/** A title's words, lower case, without its number, cluster word, article list or punctuation. */
function titleWords(title: string): Set<string> {
  const bare = title
    .replace(CLUSTER_NUMBER, '')
    .replace(ROMAN, '')
    .replace(ARTICLES, '')
    .replace(/\([^)]*\)/g, ' ')
    .toLocaleLowerCase()
  return new Set(bare.split(/[^\p{L}\p{N}]+/u).filter(w => w.length > 2 && !STOP_WORDS.has(w)))
}

/** Short joining words of the template languages: two titles do not match by them. */
const STOP_WORDS = new Set(['and', 'the', 'for', 'des', 'les', 'del', 'los', 'las', 'con', 'por', 'для', 'при', 'или', 'üçün', 'və'])

/** The same title: the same words, or one holding all of the other's (at least two) words, or most in common. */
function sameTitle(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false
  const common = [...a].filter(w => b.has(w)).length
  if (common === a.size && common === b.size) return true
  // One title inside the other ("Introduction" in "Introduction and methodology"), if it is most of it.
  if (common === Math.min(a.size, b.size) && common / Math.max(a.size, b.size) >= 0.5) return true
  return common / new Set([...a, ...b]).size >= 0.6
}
