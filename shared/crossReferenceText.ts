/**
 * The text of a cross-reference ("para. 27", "recommendation R12", "Figure 3", "section III") in
 * the REPORT's language: it is part of the document, like the exporter's cover words, so the editor
 * and the Word file write the same words (the interface language only labels the controls).
 */
import type { ReportLanguage } from './schemas/report'
import type { NumberedTarget } from './reportNumbering'

interface Words { paragraph: string, recommendation: string, question: string, figure: string, section: string, broken: string, open: string, close: string }

const WORDS: Record<ReportLanguage, Words> = {
  en: { paragraph: 'para.', recommendation: 'recommendation', question: 'question', figure: 'Figure', section: 'section', broken: '[broken reference]', open: '“', close: '”' },
  fr: { paragraph: 'par.', recommendation: 'recommandation', question: 'question', figure: 'Figure', section: 'section', broken: '[renvoi rompu]', open: '« ', close: ' »' },
  es: { paragraph: 'párr.', recommendation: 'recomendación', question: 'pregunta', figure: 'Figura', section: 'sección', broken: '[referencia rota]', open: '“', close: '”' },
  ru: { paragraph: 'п.', recommendation: 'рекомендация', question: 'вопрос', figure: 'Рисунок', section: 'раздел', broken: '[ссылка нарушена]', open: '«', close: '»' },
  az: { paragraph: 'bənd', recommendation: 'tövsiyə', question: 'sual', figure: 'Şəkil', section: 'bölmə', broken: '[qırıq istinad]', open: '“', close: '”' },
}

/** A reference's text split where Word's field goes: `before` + the field's result `number` + `after`. */
export interface ReferenceText {
  before: string
  number: string
  after: string
}

/** Whether a target can be cited: it exists in this copy and has a number (or, for a heading, text). */
export function citable(target: NumberedTarget | undefined): target is NumberedTarget & { number: string } {
  return !!target && target.number !== null && target.number !== ''
}

/** The parts of the text for a citable target. */
export function referenceParts(target: NumberedTarget & { number: string }, language: ReportLanguage): ReferenceText {
  const w = WORDS[language] ?? WORDS.en
  switch (target.kind) {
    case 'paragraph': return { before: `${w.paragraph} `, number: target.number, after: '' }
    case 'figure': return { before: `${w.figure} `, number: target.number, after: '' }
    case 'recommendation': return { before: `${target.number.startsWith('Q') ? w.question : w.recommendation} `, number: target.number, after: '' }
    case 'heading': return target.untitled
      ? { before: `${w.section} ${w.open}`, number: target.number, after: w.close }
      : { before: `${w.section} `, number: target.number, after: '' }
  }
}

/** The whole text of a reference, or the broken-reference text when the target cannot be cited. */
export function referenceText(target: NumberedTarget | undefined, language: ReportLanguage): string {
  if (!citable(target)) return brokenReferenceText(language)
  const p = referenceParts(target, language)
  return p.before + p.number + p.after
}

/** "[broken reference]" in the report's language (what the DOCX holds in its place). */
export function brokenReferenceText(language: ReportLanguage): string {
  return (WORDS[language] ?? WORDS.en).broken
}
