/**
 * The plan of a whole-report import: the draft split at its top headings (splitDraft), each part
 * proposed a target — the template section it matches (matchSection), else a new section — and the
 * settings its cover gives (a Chorus export's cover, else front matter that looks like one). The
 * same plan is made again from the same file when the report is created, so the preview and the
 * creation agree part by part without the server keeping anything in between.
 */
import { createHash } from 'node:crypto'
import { LANGUAGES } from '#shared/schemas/report'
import type { ImportPart, ReportImportPlan } from '#shared/schemas/reportImport'
import type { ReportTemplate } from '#shared/schemas/template'
import { countJsonWords } from '#shared/wordCount'
import { findTemplate } from '../../templates'
import type { ImportResult } from '../../docx/import/importDocx'
import type { PMNode } from '../../docx/types'
import { guessCover } from './guessCover'
import { matchSection, type MatchableSection } from './matchSection'
import { readChorusCover } from './readChorusCover'
import { draftNotes, plainText, splitDraft, withNotes } from './splitDraft'
import { labelsFor } from '../../docx/export/labels'

/** A part as the server keeps it while creating: the plan's entry and its section body. */
export interface PlannedPart extends ImportPart {
  body: PMNode
}

/** The plan, with each part's body (the body stays on the server). */
export interface FullPlan extends Omit<ReportImportPlan, 'parts'> {
  parts: PlannedPart[]
}

/** The SHA-256 of a file, in hex: names the file a plan was made of. */
export function fileHash(file: Uint8Array): string {
  return createHash('sha256').update(file).digest('hex')
}

/** The plan of importing `result` (made of `file`) into a new report from `template`. */
export function planReportImport(file: Uint8Array, result: ImportResult, template: ReportTemplate): FullPlan {
  const { front, parts } = splitDraft(result.content, result.docTitle)
  const chorusCover = readChorusCover(result.cover)
  const guessed = guessCover(front, result.docTitle)
  // A Chorus export's cover is exact; front matter is a guess, used only when there is no such cover.
  const settings = result.cover.length ? chorusCover : guessed.settings
  const rest = result.cover.length ? front.filter(b => !isOldConfidentialMark(b)) : guessed.rest
  const matchable = matchableSections(template.id)
  const planned: PlannedPart[] = []
  const frontBody = withNotes(rest, draftNotes(result.content))
  const frontWords = countJsonWords(frontBody)
  if (frontWords > 0) planned.push({ title: '', words: frontWords, target: 'new', match: null, body: frontBody })
  const generated = new Set(template.sections.filter(s => s.generated).map(s => s.key))
  for (const part of parts) {
    const found = matchable.length ? matchSection(part.title, matchable) : null
    // A section Chorus builds itself (the summary of recommendations) is built again from the
    // report: the draft's copy of it is left out unless the person says otherwise.
    const target = !found ? 'new' : generated.has(found.key) ? 'skip' : `section:${found.key}` as const
    planned.push({ title: part.title, words: part.words, target, match: found?.match ?? null, body: part.body })
  }
  return {
    fileHash: fileHash(file),
    parts: planned,
    settings,
    sections: template.sections.map(s => ({ key: s.key, title: s.title })),
    notices: result.notices,
  }
}

/** Exports made before the mark had a style of its own wrote it as a plain paragraph above the cover. */
function isOldConfidentialMark(block: PMNode): boolean {
  const text = plainText(block).trim()
  return block.type === 'paragraph' && LANGUAGES.some(l => text === labelsFor(l).confidential.toLocaleUpperCase(labelsFor(l).locale))
}

/** The plan as the browser gets it: without the bodies. */
export function publicPlan(plan: FullPlan): ReportImportPlan {
  return { ...plan, parts: plan.parts.map(({ body: _body, ...part }) => part) }
}

/**
 * The template's sections with their titles in every language. A template whose only section is
 * a placeholder (blank) has nothing to match: every part becomes a section of its own.
 */
function matchableSections(templateId: string): MatchableSection[] {
  const inEach = LANGUAGES.map(l => findTemplate(templateId, l)!)
  const base = inEach[0]!
  if (base.sections.length < 2) return []
  return base.sections.map((s, i) => ({ key: s.key, titles: inEach.map(t => t.sections[i]!.title), articles: s.articles }))
}
