/**
 * How many figures come before each section, so each section's editor can number its own figures
 * from there ("Figure 3."). Sections are taken in export order (body sections, then annexes:
 * shared/reportNumbering.ts), so the editor shows the number the Word file will carry.
 */
import * as Y from 'yjs'
import { exportOrder } from '#shared/reportNumbering'
import { sectionFragmentName } from '#shared/docNames'
import { FIGURE } from '#shared/editor/figure'

/** Figures anywhere in a section body (top level, in lists, quotations or table cells). */
export function countFigures(node: Y.XmlFragment | Y.XmlElement): number {
  let n = 0
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === FIGURE) n++
    else n += countFigures(child)
  }
  return n
}

/** The offset of each section from per-section counts, in export order. */
export function figureOffsets(sections: Array<{ id: string, countsTowardLimit: boolean }>, counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  let n = 0
  for (const s of exportOrder(sections)) {
    out[s.id] = n
    n += counts[s.id] ?? 0
  }
  return out
}

/** Recount a report's figures after changes that can move them (at most every `delayMs`); `onOffsets` gets the new offsets. */
export function watchFigureOffsets(doc: Y.Doc, sections: () => Array<{ id: string, countsTowardLimit: boolean }>, onOffsets: (offsets: Record<string, number>) => void, delayMs = 250): { refresh: () => void, stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null
  const recount = () => {
    timer = null
    const list = sections()
    const counts = Object.fromEntries(list.map(s => [s.id, countFigures(doc.getXmlFragment(sectionFragmentName(s.id)))]))
    onOffsets(figureOffsets(list, counts))
  }
  const schedule = () => {
    timer ??= setTimeout(recount, delayMs)
  }
  // Typing changes text only; a figure comes or goes only with a change to some element's
  // children (`null` in Yjs' changed keys), so most transactions cost nothing here.
  const onTransaction = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      if (!(type instanceof Y.XmlText) && keys.has(null)) return schedule()
    }
  }
  doc.on('afterTransaction', onTransaction)
  recount()
  return {
    /** Recount now-ish (the sections' order or kind changed). */
    refresh: schedule,
    stop: () => {
      doc.off('afterTransaction', onTransaction)
      if (timer) clearTimeout(timer)
    },
  }
}
