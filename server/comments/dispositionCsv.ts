/**
 * The comment-disposition table a coalition sends back to its reviewers: one row per thread with
 * its section, the commented excerpt, the comment, who made it, what became of it and why. A
 * decided tracked change (a thread's `decision`, shared/suggestionThreads.ts) is a row too: the
 * text it deleted as the excerpt, the text it inserted as the replacement, who suggested it, who
 * decided, when, and the reason for a rejection. A suggested deletion (nothing to put instead)
 * says "(delete: “…”)" in the replacement column, in the CSV's language (dispositionHeadings.ts).
 */
import type { ThreadView } from '#shared/commentsDoc'
import type { SuggestionEntry } from '#shared/editor/readSuggestions'
import type { InterfaceLocale } from '#shared/schemas/preferences'
import { DISPOSITION_DELETION, DISPOSITION_HEADINGS } from './dispositionHeadings'

export interface DispositionRow {
  section: string
  /** Comment, Suggested replacement (a thread's), or the kind of tracked change. */
  kind: string
  excerpt: string
  comment: string
  suggestedText: string
  who: string
  date: string
  status: string
  decidedBy: string
  reason: string
  decidedAt: string
  replies: string
}

/** The columns in order; their headings are in the reader's language (dispositionHeadings.ts). */
const COLUMNS: Array<keyof DispositionRow> = ['section', 'excerpt', 'comment', 'suggestedText', 'who', 'date', 'status', 'decidedBy', 'reason', 'replies', 'kind', 'decidedAt']

const KIND_LABELS = { insertion: 'Insertion', deletion: 'Deletion', replacement: 'Replacement' } as const
/** UTC, to the minute: "2026-11-02 09:30". */
const minute = (ms: number) => (ms ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '')

/**
 * One CSV cell: quoted, and defused against spreadsheet formula injection (a cell starting with
 * = + - @ or a control character is prefixed with an apostrophe, as OWASP advises).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * Rows for the threads and the open suggestions (`open`, from shared/editor/readSuggestions.ts —
 * the reader the comments panel uses), in section order then time. `locale` is the CSV's language
 * (for the words the rows carry, like a deletion's "(delete: …)").
 */
export function dispositionRows(threads: ThreadView[], sectionTitles: Map<string, string>, userNames: Map<string, string>, open: SuggestionEntry[] = [], locale: InterfaceLocale = 'en'): DispositionRow[] {
  /** The replacement cell: the suggested text, or for a deletion (nothing inserted) the words to delete. */
  const replacement = (inserted: string, deleted: string) => (inserted || !deleted.trim() ? inserted : DISPOSITION_DELETION[locale](deleted.trim()))
  const order = [...sectionTitles.keys()]
  const bySection = (a: { sectionId: string, createdAt: number }, b: { sectionId: string, createdAt: number }) => (order.indexOf(a.sectionId) - order.indexOf(b.sectionId)) || a.createdAt - b.createdAt
  // A tracked change is one row: its decision record or the open suggestion, with its discussion.
  const covered = new Set([...threads.filter(t => t.decision).map(t => t.suggestionId), ...open.map(e => e.id)])
  const discussions = new Map(threads.filter(t => t.suggestionId && !t.decision).map(t => [t.suggestionId, t]))
  const messages = (t: ThreadView | undefined) => (t ? [`${t.authorName}: ${t.body}`, ...t.replies.filter(r => !r.deleted).map(r => `${r.authorName}: ${r.body}`)] : [])
  const openRows = open.map(e => ({ sectionId: e.sectionId, createdAt: e.createdAt, row: {
    section: sectionTitles.get(e.sectionId) ?? '(removed section)', kind: KIND_LABELS[e.kind], excerpt: e.deleted, comment: '', suggestedText: replacement(e.inserted, e.deleted),
    who: e.wordAuthor ? `${e.wordAuthor}, in Word` : e.authorName, date: new Date(e.createdAt).toISOString().slice(0, 10), status: 'open',
    decidedBy: '', reason: '', decidedAt: '', replies: messages(discussions.get(e.id)).join('\n'),
  } }))
  const threadRows = threads.filter(t => t.decision || !t.suggestionId || !covered.has(t.suggestionId)).map(t => ({ sectionId: t.sectionId, createdAt: t.createdAt, row: threadRow(t) }))
  return [...threadRows, ...openRows].sort(bySection).map(x => x.row)

  function threadRow(t: ThreadView): DispositionRow {
    const d = t.decision
    const replies = t.replies.filter(r => !r.deleted).map(r => `${r.authorName}: ${r.body}`)
    if (d) {
      const discussion = messages(t.suggestionId ? discussions.get(t.suggestionId) : undefined)
      return {
        section: sectionTitles.get(t.sectionId) ?? '(removed section)', kind: KIND_LABELS[d.kind], excerpt: d.before, comment: '', suggestedText: replacement(d.after, d.before),
        who: d.suggestedByName, date: new Date(t.createdAt).toISOString().slice(0, 10), status: d.status,
        decidedBy: d.decidedByName || userNames.get(d.decidedBy) || '', reason: d.reason, decidedAt: minute(d.decidedAt), replies: discussion.join('\n'),
      }
    }
    return {
      section: sectionTitles.get(t.sectionId) ?? '(removed section)',
      kind: t.suggestion ? 'Suggested replacement' : 'Comment',
      excerpt: t.quote,
      comment: t.body,
      suggestedText: t.suggestion ? replacement(t.suggestion.text, t.quote) : '',
      who: t.authorName,
      date: new Date(t.createdAt).toISOString().slice(0, 10),
      status: t.status,
      decidedBy: t.suggestion?.decidedBy ? userNames.get(t.suggestion.decidedBy) ?? '' : t.resolvedBy ? userNames.get(t.resolvedBy) ?? '' : '',
      reason: t.suggestion?.reason ?? '',
      decidedAt: minute(t.suggestion?.decidedAt ?? t.resolvedAt ?? 0),
      replies: replies.join('\n'),
    }
  }
}

/** The CSV text (UTF-8 with a BOM so spreadsheet programs read accents right; CRLF line ends per RFC 4180). */
export function dispositionCsv(rows: DispositionRow[], locale: InterfaceLocale = 'en'): string {
  const lines = [COLUMNS.map(key => csvCell(DISPOSITION_HEADINGS[locale][key])).join(',')]
  for (const row of rows) lines.push(COLUMNS.map(key => csvCell(row[key])).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
