/**
 * Word numbering definitions: the consecutive paragraph numbers, bullets, and one definition per
 * ordered-list format and start. Every ordered list gets its own instance (its own w:num), so each
 * list restarts; the paragraph numbers use one instance for the whole report, so they run on.
 */
import type { ILevelsOptions, LevelFormat, NumberingDefinition } from 'docx'

export const PARAGRAPH_NUMBERING = 'chorus-paragraphs'
export const BULLETS = 'chorus-bullets'

/** One list step (1 cm): list text sits one step right of its marker. */
export const LIST_STEP = 567

const BULLET_CHARS = ['•', '–', '▪']

/** A Word number format (docx's LevelFormat values, written as literals: see styles.ts). */
type OrderedFormat = (typeof LevelFormat)[keyof typeof LevelFormat]

/** HTML/Tiptap `type` of an ordered list → Word number format; by depth when unset (1. → (a) → (i)). */
export function orderedFormat(type: unknown, depth: number): OrderedFormat {
  switch (type) {
    case '1': return 'decimal'
    case 'a': return 'lowerLetter'
    case 'A': return 'upperLetter'
    case 'i': return 'lowerRoman'
    case 'I': return 'upperRoman'
    default: return (['decimal', 'lowerLetter', 'lowerRoman'] as const)[depth % 3]!
  }
}

/** Collects the definitions the document uses and hands out list instances. */
export class NumberingRegistry {
  private readonly ordered = new Map<string, NumberingDefinition>()
  private instance = 0

  /** A new instance number: a list that restarts. */
  nextInstance(): number {
    return ++this.instance
  }

  /** The reference of the ordered-list definition for this format and start. */
  orderedReference(format: OrderedFormat, start: number): string {
    const reference = `chorus-ordered-${format}-${start}`
    if (!this.ordered.has(reference)) {
      const levels: ILevelsOptions[] = []
      for (let level = 0; level < 9; level++) {
        const n = `%${level + 1}`
        levels.push({
          level,
          format,
          start,
          text: format === 'decimal' ? `${n}.` : `(${n})`,
          alignment: 'left',
          suffix: 'tab',
          style: { paragraph: { indent: { left: LIST_STEP * (level + 1), hanging: LIST_STEP } } },
        })
      }
      this.ordered.set(reference, { reference, levels })
    }
    return reference
  }

  /** All definitions for the document's `numbering.config`. */
  definitions(): NumberingDefinition[] {
    return [paragraphNumbering(), bullets(), ...this.ordered.values()]
  }
}

function paragraphNumbering(): NumberingDefinition {
  return {
    reference: PARAGRAPH_NUMBERING,
    levels: [{
      level: 0,
      format: 'decimal',
      text: '%1.',
      start: 1,
      alignment: 'left',
      suffix: 'tab',
      // The number hangs in the margin column; the text starts 1 cm in, as in UN documents.
      style: { paragraph: { indent: { left: LIST_STEP, hanging: LIST_STEP } } },
    }],
  }
}

function bullets(): NumberingDefinition {
  const levels: ILevelsOptions[] = []
  for (let level = 0; level < 9; level++) {
    levels.push({
      level,
      format: 'bullet',
      text: BULLET_CHARS[level % BULLET_CHARS.length]!,
      alignment: 'left',
      suffix: 'tab',
      style: { paragraph: { indent: { left: LIST_STEP * (level + 1), hanging: LIST_STEP } } },
    })
  }
  return { reference: BULLETS, levels }
}
