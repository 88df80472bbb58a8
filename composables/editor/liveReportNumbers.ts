/**
 * The report's numbers (shared/reportNumbering.ts) kept up to date from the live Y.Doc, one
 * instance per document, read by every cross-reference on the page (the section editors' node
 * views, the static bodies, the picker). Cross-references in one section must follow edits in any
 * other — someone adds a paragraph in cluster III and "para. 27" in cluster VII becomes "para. 28" —
 * so it listens to the whole document, not to one editor.
 *
 * Cost: a block's summary is kept until a transaction touches it (most keys touch one block), and
 * numbering walks the summaries (a few operations per block) at most every RENUMBER_MS. Blocks
 * without a summary (a report that has just loaded or arrived) are read a slice per task
 * (composables/editor/inSlices.ts) and numbered when the last one is: until then the numbers are
 * the last ones (none at first), unless someone reads them (a reference drawn, the picker), which
 * finishes the reading at once — a reference never shows a number of before it.
 */
import * as Y from 'yjs'
import { META, sectionFragmentName } from '#shared/docNames'
import { readMeta, readSections } from '#shared/reportDoc'
import { blockSummary, numberReport } from '#shared/reportNumbering'
import type { BlockSummary, ReportNumbers } from '#shared/reportNumbering'
import type { ReportLanguage } from '#shared/schemas/report'
import { yBlockJson } from '#shared/yBlockJson'
import { forgetChanged } from './forgetChanged'
import { eachInSlices, type Slices } from './inSlices'

const RENUMBER_MS = 150

type Block = Y.XmlElement | Y.XmlText

/** The live numbers of one report and who wants to hear when they change. */
export interface LiveReportNumbers {
  readonly numbers: ReportNumbers
  readonly language: ReportLanguage
  /** Called after each renumbering that changed something; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void
  /** Renumber now (the picker wants numbers of this very moment). */
  flush: () => void
}

const instances = new WeakMap<Y.Doc, LiveReportNumbers>()

/** The live numbers of `doc` (created on first use, dropped with the document). */
export function liveReportNumbers(doc: Y.Doc): LiveReportNumbers {
  let live = instances.get(doc)
  if (!live) {
    live = create(doc)
    instances.set(doc, live)
  }
  return live
}

const NONE: ReportNumbers = { byRefId: new Map(), paragraphs: 0, recommendations: 0, questions: 0, figures: 0 }

const isBlock = (b: unknown): b is Block => b instanceof Y.XmlElement || b instanceof Y.XmlText

function create(doc: Y.Doc): LiveReportNumbers {
  const cache = new WeakMap<Block, BlockSummary>()
  const listeners = new Set<() => void>()
  let numbers = NONE
  let language = readMeta(doc).language
  let key = signature(numbers, language)
  let timer: ReturnType<typeof setTimeout> | null = null

  const summaryOf = (b: Block) => {
    let summary = cache.get(b)
    if (!summary) {
      summary = blockSummary(yBlockJson(b)[0] ?? { type: 'text' })
      cache.set(b, summary)
    }
    return summary
  }

  function compute(): ReportNumbers {
    const meta = doc.getMap(META).size ? readMeta(doc) : null
    const sections = readSections(doc).map(s => ({
      id: s.id,
      countsTowardLimit: s.countsTowardLimit,
      blocks: doc.getXmlFragment(sectionFragmentName(s.id)).toArray().filter(isBlock).map(summaryOf),
    }))
    return numberReport(sections, { numberedParagraphs: meta?.numberedParagraphs ?? true })
  }

  /** A renumbering reading the blocks it has no summary of, a slice per task (a report that has just loaded or arrived). */
  let pass: Slices | null = null
  function renumber() {
    if (timer) clearTimeout(timer)
    timer = null
    // A pass going on: it numbers what the report is when it ends, this change included.
    if (pass?.busy) return
    pass = eachInSlices(() => readSections(doc).flatMap(s => doc.getXmlFragment(sectionFragmentName(s.id)).toArray().filter(isBlock)), summaryOf, publish)
  }

  function publish() {
    numbers = compute()
    language = readMeta(doc).language
    const next = signature(numbers, language)
    // Most keys change no number: then no reference on the page is redrawn.
    if (next === key) return
    key = next
    for (const listener of listeners) listener()
  }

  renumber()

  doc.on('afterTransaction', (tr: Y.Transaction) => {
    // Forget the summaries of the blocks holding anything the transaction changed.
    forgetChanged(tr, cache)
    timer ??= setTimeout(renumber, RENUMBER_MS)
  })
  doc.on('destroy', () => {
    if (timer) clearTimeout(timer)
    pass?.cancel()
    listeners.clear()
  })

  return {
    get numbers() {
      // Wanted while a pass reads the report: finish it now (never a number of before it).
      pass?.finish()
      return numbers
    },
    get language() { return language },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush() {
      pass?.finish()
      if (timer) clearTimeout(timer)
      timer = null
      publish()
    },
  }
}

/** What the references show, as one string: compared to skip redrawing when nothing moved. */
function signature(n: ReportNumbers, language: string): string {
  let s = language
  for (const [id, t] of n.byRefId) s += `|${id}:${t.number}:${t.sectionId}:${t.joined ? 1 : 0}`
  return s
}
