/**
 * Which section of the report answers a CO cluster heading, so its unlinked recommendations can
 * be shown to that section's owner. The CO names the cluster's articles ("D. Civil rights and
 * freedoms (arts. 7, 8 and 13–17)") and the CRC template's sections carry the same articles, which
 * works whatever language the report is written in; words of the title decide when articles
 * are missing or tie (cluster "G. Children with disabilities (art. 23)" → "VII. Disability, …").
 */

interface SectionLike {
  id: string
  title: string
  articles: string[]
  generated?: string | null
}

const STOP = new Set(['child', 'measures', 'other', 'their', 'with', 'against', 'from'])

/** Article numbers in a text: "7, 8 and 13–17", "18 (1) and (2)" → 7, 8, 13…17, 18. */
function articleNumbers(text: string): Set<number> {
  const out = new Set<number>()
  const plain = text.replace(/\(\s*[\da-z]{1,3}\s*\)/g, '')
  for (const m of plain.matchAll(/(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))?/g)) {
    const from = Number(m[1])
    const to = m[2] ? Math.min(Number(m[2]), from + 60) : from
    for (let n = from; n <= to; n++) out.add(n)
  }
  return out
}

/** Word stems of a title without its mark and parenthesis. */
function stems(title: string): Set<string> {
  const words = title.replace(/^\s*(?:[A-Z]|[IVXL]+)\.\s+/, '').replace(/\(.*$/, '').toLowerCase().match(/\p{L}{4,}/gu) ?? []
  return new Set(words.map(w => w.slice(0, 5)).filter(w => !STOP.has(w)))
}

/** The id of the section that best answers `cluster`, or null. */
export function clusterSection(cluster: string | null, sections: SectionLike[]): string | null {
  if (!cluster) return null
  const paren = /\(\s*arts?\.?\s*([^()]*(?:\([^()]*\)[^()]*)*)\)/i.exec(cluster)
  const articles = paren ? articleNumbers(paren[1]!) : new Set<number>()
  const words = stems(cluster)
  let best: { id: string, score: number } | null = null
  for (const s of sections) {
    if (s.generated) continue
    const own = articleNumbers(s.articles.join(', '))
    let score = 0
    for (const a of articles) if (own.has(a)) score += 2
    for (const w of stems(s.title)) if (words.has(w)) score += 1
    if (score > 0 && (!best || score > best.score)) best = { id: s.id, score }
  }
  return best?.id ?? null
}
