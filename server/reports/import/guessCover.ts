/**
 * Front matter of a Word draft that looks like a cover (the text before the first top heading):
 * its title (Word's Title paragraph, else the first line), and lines such as "State party:
 * Arcadia", "Submitted by: …", "Session: …", or a line naming a coalition. The lines read into
 * settings are not text of the report; the rest of the front matter is (`rest`).
 */
import type { CoverFields } from '#shared/schemas/reportImport'
import type { PMNode } from '../../docx/types'
import { plainText } from './splitDraft'

/** A first line longer than this is text, not a title. */
const MAX_TITLE = 200
/** A line longer than this is a paragraph, not a line of a cover. */
const MAX_LINE = 300

const LINES: Array<[keyof CoverFields, RegExp]> = [
  ['stateParty', /^(?:state party|country|état partie|estado parte|государство[-\s]участник|страна|iştirakçı dövlət|ölkə)\s*[:：–—-]\s*(.+)$/iu],
  ['coalition', /^(?:submitted by|prepared by|présenté par|presentado por|представлен[оа]?|подготовлен[оа]?|təqdim edən|hazırlayan)\s*[:：–—-]?\s*(.+)$/iu],
  ['session', /^(?:session|сессия|sessiya|sesión)\s*[:：–—-]\s*(.+)$/iu],
  ['contact', /^(?:contact|контакт|контакты|əlaqə|contacto)\s*[:：–—-]\s*(.+)$/iu],
]
const COALITION_WORD = /\b(?:coalition|alliance|network)\b|коалици|альянс|сеть|koalisiya|şəbəkə/iu

/** The settings the front matter gives, and the blocks that are text, not cover. */
export function guessCover(front: PMNode[], docTitle: string | null): { settings: CoverFields, rest: PMNode[] } {
  const settings: CoverFields = {}
  const rest: PMNode[] = []
  let titleTaken = false
  for (const block of front) {
    const text = plainText(block).trim()
    if (block.type !== 'paragraph' && block.type !== 'heading') {
      rest.push(block)
      continue
    }
    if (!text) continue
    if (!titleTaken && (docTitle ? text === docTitle : text.length <= MAX_TITLE)) {
      settings.title = text
      titleTaken = true
      continue
    }
    const line = text.length <= MAX_LINE ? LINES.find(([, re]) => re.test(text)) : undefined
    if (line && settings[line[0]] === undefined) {
      ;(settings as Record<string, string>)[line[0]] = line[1].exec(text)![1]!.trim()
      continue
    }
    if (!settings.coalition && text.length <= MAX_TITLE && COALITION_WORD.test(text)) {
      settings.coalition = text
      continue
    }
    rest.push(block)
  }
  return { settings, rest }
}
