/**
 * The submission check (docs/submission-check.md): everything that stands between a report and a
 * clean submission, as a list of items with a stable `kind`, a severity, the section it concerns
 * and the numbers its message needs. The checks are a list of plain functions over one snapshot
 * of the report (`CheckContext`), each returning its items: a new kind of check (recommendation
 * blocks, cross-references, follow-up of concluding observations) is one more function in CHECKS.
 *
 * The server builds the snapshot from the stored Y.Doc for `GET /api/reports/:id/check`; the
 * page shows the server's list and translates each item by its kind.
 */
import * as Y from 'yjs'
import { RECOMMENDATION } from './editor/recommendation'
import { readThreads } from './commentsDoc'
import { sectionFragmentName } from './docNames'
import { readSuggestions } from './editor/readSuggestions'
import { brokenReferencesBySection } from './brokenReferences'
import { readMeta, readSections } from './reportDoc'
import type { ReportMeta, Section } from './schemas/report'
import { fragmentWordCounts } from './wordCount'

export const CHECK_SEVERITIES = ['blocking', 'warning', 'info'] as const
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number]

export const CHECK_KINDS = [
  'word-limit',
  'section-budget',
  'section-empty',
  'section-not-final',
  'open-threads',
  'open-suggestions',
  'broken-references',
  'recommendations-without-articles',
  'recommendations-in-questions',
  'cover-missing',
  'deadline',
  'deadline-passed',
  'deadline-missing',
  'submission-date-late',
] as const
export type CheckKind = (typeof CHECK_KINDS)[number]

export type CheckParams = Record<string, string | number>

/** One thing left to do. `message` is English (for scripts); the page translates by `kind` + `params`. */
export interface CheckItem {
  kind: CheckKind
  severity: CheckSeverity
  sectionId?: string
  message: string
  params?: CheckParams
}

/** A section as the checks see it. */
export interface CheckSection extends Pick<Section, 'id' | 'title' | 'status' | 'wordBudget' | 'countsTowardLimit'> {
  /** Built by Chorus (its stored body stays empty): never "empty" for the check. */
  generated?: Section['generated']
  words: number
  /** Open threads (comments, not suggestions) on this section, oldest first. */
  openThreadIds: string[]
  /** Open suggestions: tracked changes not yet decided, plus open suggested replacements in threads. */
  openSuggestions: number
  /** Cross-references in this section whose target is gone or has no number (shared/brokenReferences.ts). */
  brokenReferences?: number
  /** Recommendation blocks (not questions) in this section, and those of them naming no article. */
  recommendations?: number
  recommendationsWithoutArticles?: number
}

/** One snapshot of a report, all the checks read. */
export interface CheckContext {
  meta: ReportMeta
  sections: CheckSection[]
  /** Today's date in Geneva (YYYY-MM-DD): deadlines are Geneva dates. */
  todayGeneva: string
  /** The template's LOIPR limits, when it has them (to name the thematic case). */
  scopes?: { comprehensive: number, thematic: number }
  /** What the template's blocks are: recommendations that cite the treaty's articles (CRC), or questions (LOIPR). */
  blocks?: { kind: 'recommendations' | 'questions' | 'other', articlesRequired: boolean }
}

export type CheckFn = (ctx: CheckContext) => Array<Omit<CheckItem, 'message'>>

const GENEVA = 'Europe/Zurich'

/** The calendar date in Geneva at `now` (YYYY-MM-DD). */
export function genevaDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: GENEVA, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** A deadline this close (in days) is a warning, not only information. */
export const DEADLINE_WARNING_DAYS = 7

const sectionParams = (s: CheckSection) => ({ section: s.title })

/** Over the report's word limit (annexes excluded), naming the LOIPR thematic case. */
const wordLimit: CheckFn = ({ meta, sections, scopes }) => {
  if (meta.wordLimit === null) return []
  const words = sections.filter(s => s.countsTowardLimit).reduce((n, s) => n + s.words, 0)
  if (words <= meta.wordLimit) return []
  const scope = scopes && meta.wordLimit === scopes.thematic ? 'thematic' : scopes && meta.wordLimit === scopes.comprehensive ? 'comprehensive' : ''
  return [{ kind: 'word-limit', severity: 'blocking', params: { words, limit: meta.wordLimit, over: words - meta.wordLimit, ...(scope ? { scope } : {}) } }]
}

/** Sections over their own budget (guidance for the drafters: only the total is the Committee's rule). */
const sectionBudgets: CheckFn = ({ sections }) => sections
  .filter(s => s.wordBudget !== null && s.words > s.wordBudget)
  .map(s => ({ kind: 'section-budget', severity: 'warning', sectionId: s.id, params: { ...sectionParams(s), words: s.words, budget: s.wordBudget!, over: s.words - s.wordBudget! } }))

/** Sections with no words: the export would print a heading with nothing under it. */
const emptySections: CheckFn = ({ sections }) => sections
  .filter(s => s.words === 0 && !s.generated)
  .map(s => ({ kind: 'section-empty', severity: 'blocking', sectionId: s.id, params: sectionParams(s) }))

/** Sections not yet marked final. */
const notFinal: CheckFn = ({ sections }) => sections
  .filter(s => s.status !== 'final')
  .map(s => ({ kind: 'section-not-final', severity: 'warning', sectionId: s.id, params: { ...sectionParams(s), status: s.status } }))

/** Open review threads, per section. */
const openThreads: CheckFn = ({ sections }) => sections
  .filter(s => s.openThreadIds.length > 0)
  .map(s => ({ kind: 'open-threads', severity: 'warning', sectionId: s.id, params: { ...sectionParams(s), count: s.openThreadIds.length, threadId: s.openThreadIds[0]! } }))

/** Open suggestions, per section: a clean copy would silently leave their proposed text out. */
const openSuggestions: CheckFn = ({ sections }) => sections
  .filter(s => s.openSuggestions > 0)
  .map(s => ({ kind: 'open-suggestions', severity: 'blocking', sectionId: s.id, params: { ...sectionParams(s), count: s.openSuggestions } }))

/** Broken cross-references, per section: the clean copy would print "[broken reference]" for each. */
const brokenReferences: CheckFn = ({ sections }) => sections
  .filter(s => (s.brokenReferences ?? 0) > 0)
  .map(s => ({ kind: 'broken-references', severity: 'blocking', sectionId: s.id, params: { ...sectionParams(s), count: s.brokenReferences! } }))

/** Cover fields the Committee expects: who submits and whom to contact. */
const COVER_FIELDS = ['stateParty', 'coalition', 'contact'] as const
const coverFields: CheckFn = ({ meta }) => COVER_FIELDS
  .filter(field => !meta[field].trim())
  .map(field => ({ kind: 'cover-missing', severity: 'warning', params: { field } }))

/** The deadline, in Geneva days; the cover's submission date should not be after it. */
const deadline: CheckFn = ({ meta, todayGeneva }) => {
  if (!meta.deadline) return [{ kind: 'deadline-missing', severity: 'info' }]
  const daysLeft = daysBetween(todayGeneva, meta.deadline)
  const items: Array<Omit<CheckItem, 'message'>> = daysLeft < 0
    ? [{ kind: 'deadline-passed', severity: 'warning', params: { deadline: meta.deadline, daysAgo: -daysLeft } }]
    : [{ kind: 'deadline', severity: daysLeft <= DEADLINE_WARNING_DAYS ? 'warning' : 'info', params: { deadline: meta.deadline, daysLeft } }]
  if (meta.submissionDate && meta.submissionDate > meta.deadline) {
    items.push({ kind: 'submission-date-late', severity: 'warning', params: { submissionDate: meta.submissionDate, deadline: meta.deadline } })
  }
  return items
}

/** CRC recommendations name the articles they concern (the Committee reads them by cluster and article). */
const recommendationsWithoutArticles: CheckFn = ({ sections, blocks }) => !blocks?.articlesRequired || blocks.kind !== 'recommendations'
  ? []
  : sections.filter(s => (s.recommendationsWithoutArticles ?? 0) > 0)
      .map(s => ({ kind: 'recommendations-without-articles', severity: 'warning', sectionId: s.id, params: { ...sectionParams(s), count: s.recommendationsWithoutArticles! } }))

/** An LOIPR submission asks the Committee's questions; recommendations there belong to the later report. */
const recommendationsInQuestions: CheckFn = ({ sections, blocks }) => blocks?.kind !== 'questions'
  ? []
  : sections.filter(s => (s.recommendations ?? 0) > 0)
      .map(s => ({ kind: 'recommendations-in-questions', severity: 'warning', sectionId: s.id, params: { ...sectionParams(s), count: s.recommendations! } }))

/** Every check, in the order the page lists items of one severity. */
export const CHECKS: CheckFn[] = [wordLimit, emptySections, openSuggestions, brokenReferences, sectionBudgets, notFinal, openThreads, recommendationsWithoutArticles, recommendationsInQuestions, coverFields, deadline]

const num = (n: string | number | undefined) => new Intl.NumberFormat('en').format(Number(n ?? 0))
const plural = (n: string | number | undefined, one: string, other: string) => `${num(n)} ${Number(n) === 1 ? one : other}`
const COVER_NAMES: Record<string, string> = { stateParty: 'State party', coalition: 'Coalition', contact: 'Contact person' }

/** The English message of an item (the JSON's `message`; the page has its own in each language). */
export function checkMessage(kind: CheckKind, p: CheckParams = {}): string {
  switch (kind) {
    case 'word-limit': return `The report has ${num(p.words)} words, ${plural(p.over, 'word', 'words')} over the ${p.scope === 'thematic' ? 'thematic submission ' : ''}limit of ${num(p.limit)} (annexes excluded).`
    case 'section-budget': return `“${p.section}” has ${num(p.words)} words, ${plural(p.over, 'word', 'words')} over its budget of ${num(p.budget)}.`
    case 'section-empty': return `“${p.section}” is empty.`
    case 'section-not-final': return `“${p.section}” is not marked final (it is ${p.status === 'review' ? 'in review' : 'a draft'}).`
    case 'open-threads': return `“${p.section}” has ${plural(p.count, 'open comment thread', 'open comment threads')}.`
    case 'open-suggestions': return `“${p.section}” has ${plural(p.count, 'open suggestion', 'open suggestions')}.`
    case 'broken-references': return `“${p.section}” has ${plural(p.count, 'broken cross-reference', 'broken cross-references')} (the target was deleted).`
    case 'recommendations-without-articles': return `“${p.section}” has ${plural(p.count, 'recommendation', 'recommendations')} naming no article of the Convention.`
    case 'recommendations-in-questions': return `“${p.section}” has ${plural(p.count, 'recommendation', 'recommendations')}; this submission asks questions for the State instead.`
    case 'cover-missing': return `The cover has no ${COVER_NAMES[String(p.field)] ?? p.field}.`
    case 'deadline': return Number(p.daysLeft) === 0 ? `The deadline (${p.deadline}) is today, Geneva time.` : `The deadline is ${p.deadline}: ${plural(p.daysLeft, 'day', 'days')} left, Geneva time.`
    case 'deadline-passed': return `The deadline (${p.deadline}) passed ${plural(p.daysAgo, 'day', 'days')} ago, Geneva time.`
    case 'deadline-missing': return 'No deadline is set in the report settings.'
    case 'submission-date-late': return `The submission date on the cover (${p.submissionDate}) is after the deadline (${p.deadline}).`
  }
}

const SEVERITY_ORDER: Record<CheckSeverity, number> = { blocking: 0, warning: 1, info: 2 }

/** Run every check: blocking items first, then warnings, then information; each in check and report order. */
export function runChecks(ctx: CheckContext, checks: CheckFn[] = CHECKS): CheckItem[] {
  const items = checks.flatMap(check => check(ctx)).map(item => ({ ...item, message: checkMessage(item.kind, item.params) }))
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.i - b.i)
    .map(({ item }) => item)
}

/** Ready to submit: nothing blocking and no warnings left (information may remain). */
export function readyToSubmit(items: CheckItem[]): boolean {
  return items.every(item => item.severity === 'info')
}

/** The snapshot of a report's Y.Doc the checks read. */
export function checkContextFromDoc(doc: Y.Doc, options: { now?: Date, scopes?: CheckContext['scopes'], blocks?: CheckContext['blocks'] } = {}): CheckContext {
  const meta = readMeta(doc)
  const sections = readSections(doc)
  const known = new Set(sections.map(s => s.id))
  const broken = brokenReferencesBySection(doc)
  const threadIds = new Map<string, string[]>()
  const suggestedReplacements = new Map<string, number>()
  for (const thread of readThreads(doc)) {
    if (thread.status !== 'open' || !known.has(thread.sectionId)) continue
    // Discussions of tracked changes are counted with their suggestion; decision records are never open.
    if (thread.suggestionId || thread.decision) continue
    if (thread.suggestion) suggestedReplacements.set(thread.sectionId, (suggestedReplacements.get(thread.sectionId) ?? 0) + 1)
    else threadIds.set(thread.sectionId, [...(threadIds.get(thread.sectionId) ?? []), thread.id])
  }
  return {
    meta,
    scopes: options.scopes,
    blocks: options.blocks,
    todayGeneva: genevaDate(options.now ?? new Date()),
    sections: sections.map((s) => {
      const body = doc.getXmlFragment(sectionFragmentName(s.id))
      return {
        id: s.id,
        title: s.title,
        status: s.status,
        wordBudget: s.wordBudget,
        countsTowardLimit: s.countsTowardLimit,
        generated: s.generated,
        words: fragmentWordCounts(body).words,
        openThreadIds: threadIds.get(s.id) ?? [],
        openSuggestions: readSuggestions(body, s.id).length + (suggestedReplacements.get(s.id) ?? 0),
        brokenReferences: broken.get(s.id) ?? 0,
        ...recommendationCounts(body),
      }
    }),
  }
}

/** Recommendation blocks (questions excluded) anywhere in a section body, and those naming no article. */
function recommendationCounts(body: Y.XmlFragment): { recommendations: number, recommendationsWithoutArticles: number } {
  const counts = { recommendations: 0, recommendationsWithoutArticles: 0 }
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === RECOMMENDATION && child.getAttribute('kind') !== 'question') {
        counts.recommendations++
        const articles = child.getAttribute('articles') as unknown
        if (typeof articles !== 'string' || !/\S/.test(articles)) counts.recommendationsWithoutArticles++
      }
      walk(child)
    }
  }
  walk(body)
  return counts
}
