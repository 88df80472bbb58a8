/**
 * Splits the text of a Committee's concluding observations (pasted from the UN's site, read from
 * Word, or converted from its PDF with hard line breaks) into numbered paragraphs, their lettered
 * sub-paragraphs and the headings they stand under, and tells recommendations from observations.
 *
 * Why sequence rules and not just patterns: converted PDFs wrap lines anywhere, so a line may
 * start with "2016." or "(a) and 39)" (from "article 37 (a) and 39"). A line starts paragraph n
 * only when n follows the last paragraph and the text before it ended a sentence; "(b)" starts a
 * sub-paragraph only after "(a)", and "(a)" only after a lead-in colon. Nothing is dropped except
 * page furniture (the symbol or a "GE.22-…" job number alone on a line, page numbers).
 */
import type { CoParagraph, ConcludingObservations } from '../schemas/followUp'

/** A CO symbol of any treaty body: CRC/C/AZE/CO/5-6, CRC/C/OPAC/DZA/CO/1, E/C.12/AZE/CO/4. */
const SYMBOL = /\b(?:[A-Z]{1,6}(?:\.\d+)?\/)+CO\/\d+(?:[-–]\d+)?(?:\/Add\.\d+)?/g
const NUMBERED = /^(\d{1,3})\.\s+(\S.*)$/
const LETTERED = /^\(([a-z])\)\s+(\S.*)$/
const HEADING_MARK = /^([A-Z]|[IVXL]+)\.\s+(\S.*)$/
/** "The Committee (strongly) recommends / urges / …", also after "Recalling …, the Committee …". */
const RECOMMENDS = /\b(?:Committee|it)\s+(?:\w+\s+){0,2}?(?:recommends|urges|requests|encourages|calls\s+(?:up)?on|invites|reiterates\s+its\s+(?:previous\s+)?recommendations?)\b/i
/** The title line of a CO document ("Concluding observations on the combined fifth …"). */
const DOCUMENT_TITLE = /concluding observations|observations finales|observaciones finales|заключительные замечания/i
const FURNITURE = [/^GE\.\d{2}-\d+/, /^\d{1,3}$/, /^\*\d{5,}\*$/]
const ROMAN = /^[IVXL]+$/

interface Open {
  number: number
  text: string
  subs: Array<{ letter: string, text: string }>
  part: string | null
  cluster: string | null
  topic: string | null
}

/** Parse concluding observations from plain text. */
export function parseConcludingObservations(input: string): ConcludingObservations {
  const symbol = findSymbol(input)
  const lines = input.replace(/\r\n?|\f/g, '\n').replace(/[\u00A0\u2007\u202F]/g, ' ').split('\n')
    .map(l => l.replace(/\s+/g, ' ').trim())
    .filter(l => l && !isFurniture(l, symbol))
  const paragraphs: CoParagraph[] = []
  const heads = { part: null as string | null, cluster: null as string | null, topic: null as string | null, letter: 0 }
  let open: Open | null = null
  const close = () => {
    if (open) paragraphs.push(finish(open))
    open = null
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const last = open as Open | null
    const lastNumber = last?.number ?? paragraphs.at(-1)?.number ?? null
    if (startsParagraph(line, lastNumber, last ? tail(last) : '')) {
      close()
      const m = NUMBERED.exec(line)!
      open = { number: Number(m[1]), text: m[2]!, subs: [], ...heads }
      continue
    }
    if (last && startsSub(line, last)) {
      const m = LETTERED.exec(line)!
      last.subs.push({ letter: m[1]!, text: m[2]! })
      continue
    }
    const run = headingRun(lines, i, lastNumber, last ? tail(last) : '.')
    if (run) {
      close()
      for (const heading of ownHeadings(run.headings, lastNumber === null)) setHeading(heads, heading)
      i = run.end - 1
      continue
    }
    if (last) appendTo(last, line)
  }
  close()
  return { symbol, paragraphs }
}

/** The CO's own symbol: the first in the text before paragraph 1 (its header), else the most cited. */
function findSymbol(text: string): string | null {
  const first = /^\s*1\.\s/m.exec(text)
  const header = first ? text.slice(0, first.index) : ''
  const inHeader = header.match(SYMBOL)
  if (inHeader) return inHeader[0].replace('–', '-')
  const counts = new Map<string, number>()
  for (const s of text.match(SYMBOL) ?? []) counts.set(s, (counts.get(s) ?? 0) + 1)
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]
  return best ? best[0].replace('–', '-') : null
}

function isFurniture(line: string, symbol: string | null): boolean {
  return line === symbol || FURNITURE.some(re => re.test(line))
}

/** The text the next line would continue. */
function tail(p: Open): string {
  return p.subs.length ? p.subs.at(-1)!.text : p.text
}

const endsSentence = (text: string) => /[.;:!?][)"”’»]?$/.test(text) || text === ''

function startsParagraph(line: string, lastNumber: number | null, before: string): boolean {
  const m = NUMBERED.exec(line)
  if (!m) return false
  const n = Number(m[1])
  return (lastNumber === null ? n >= 1 && n <= 400 : n === lastNumber + 1) && endsSentence(before)
}

function startsSub(line: string, p: Open): boolean {
  const m = LETTERED.exec(line)
  if (!m) return false
  const expected = String.fromCharCode(97 + p.subs.length)
  if (m[1] !== expected) return false
  return p.subs.length === 0 ? /:$/.test(p.text) : /(?:[;.:]|;\s*(?:and|or))$/.test(tail(p))
}

/** A line that may be a heading: short, capitalised, not ending as a sentence part does. */
function headingLike(line: string): boolean {
  if (line.length > 200 || !/^\p{Lu}/u.test(line) || NUMBERED.test(line)) return false
  // Inside an open parenthesis a wrapped heading may end a line with "arts." or ",".
  return unbalanced(line) || !/[.,;:]$/.test(line)
}

/**
 * Headings are recognised by what follows them: one or more heading-like lines (a long heading
 * may wrap: its lines are joined while a parenthesis is open) right before the next paragraph.
 */
function headingRun(lines: string[], from: number, lastNumber: number | null, before: string): { headings: string[], end: number } | null {
  if (!/[.;:!?]["”’»)]?$/.test(before)) return null
  const headings: string[] = []
  let i = from
  while (i < lines.length && headings.length < 6 && headingLike(lines[i]!)) {
    let heading = lines[i++]!
    // A wrapped heading: inside its parenthesis, or a line going on in lower case or with "(arts.".
    while (i < lines.length && !NUMBERED.test(lines[i]!) && (unbalanced(heading) || (/^[(\p{Ll}]/u.test(lines[i]!) && !/[.;:]$/.test(lines[i]!)))) heading += ' ' + lines[i++]!
    headings.push(heading)
  }
  if (!headings.length) return null
  const next = lines[i]
  if (next !== undefined && !startsParagraph(next, lastNumber, '.')) return null
  return { headings, end: i }
}

/**
 * The headings of a run that belong to the text: before paragraph 1 the document's own header
 * (committee, the title "Concluding observations on …", its wrapped last words) looks like
 * headings too; after the title only what follows its first part or cluster heading counts.
 */
function ownHeadings(headings: string[], beforeFirst: boolean): string[] {
  const title = beforeFirst ? headings.findLastIndex(h => DOCUMENT_TITLE.test(h)) : -1
  if (title < 0) return headings
  const rest = headings.slice(title + 1)
  const marked = rest.findIndex(h => HEADING_MARK.test(h))
  return marked < 0 ? [] : rest.slice(marked)
}

const unbalanced = (s: string) => (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0)

/** A roman-numeral heading opens a part; a lettered one a cluster (A., B., …); others a topic. */
function setHeading(heads: { part: string | null, cluster: string | null, topic: string | null, letter: number }, heading: string): void {
  const m = HEADING_MARK.exec(heading)
  const mark = m?.[1]
  // "I." is cluster I after cluster H, and part I otherwise.
  const expectedLetter = String.fromCharCode(65 + heads.letter)
  if (mark && mark.length === 1 && (mark === expectedLetter || !ROMAN.test(mark))) {
    heads.cluster = heading
    heads.topic = null
    heads.letter = mark.charCodeAt(0) - 64
  } else if (mark && ROMAN.test(mark)) {
    heads.part = heading
    heads.cluster = null
    heads.topic = null
    heads.letter = 0
  } else {
    heads.topic = heading
  }
}

function appendTo(p: Open, line: string): void {
  const join = (text: string) => (text.endsWith('-') ? text + line : `${text} ${line}`)
  if (p.subs.length) p.subs.at(-1)!.text = join(p.subs.at(-1)!.text)
  else p.text = join(p.text)
}

function finish(p: Open): CoParagraph {
  const all = [p.text, ...p.subs.map(s => s.text)].join(' ')
  return {
    number: p.number,
    text: p.text,
    subparagraphs: p.subs,
    part: p.part,
    cluster: p.cluster,
    topic: p.topic,
    recommendation: RECOMMENDS.test(all),
  }
}
