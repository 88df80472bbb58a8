/**
 * Where the Word comment ranges of one section start and end. Anchors are clamped into the
 * section's paragraphs (a range that starts between blocks starts at the next paragraph, one that
 * ends there ends at the previous one), so every marker lands inside a paragraph the exporter writes.
 *
 * A range never contains a footnote reference: it ends just before the first one inside it.
 * LibreOffice (7.x) empties a footnote whose reference lies inside a comment range, and when two
 * ranges (a thread and its reply) hold one, it empties every footnote of the document.
 */
import { footnoteReferencePositions, textblockRanges } from './positions'
import type { PMNode } from '../types'

/** A comment range boundary: the docx comment ids (thread + replies) that start or end here. */
export interface CommentMarker {
  pos: number
  kind: 'start' | 'end'
  ids: number[]
}

/** A thread placed in the text, with the docx ids of its comment and replies. */
export interface PlacedThread {
  from: number
  to: number
  ids: number[]
}

/** The markers of one section, handed out per paragraph. */
export class CommentMarkers {
  private readonly markers: CommentMarker[]

  constructor(doc: PMNode, threads: PlacedThread[]) {
    const ranges = textblockRanges(doc)
    this.markers = []
    if (!ranges.length) return
    const notes = footnoteReferencePositions(doc)
    for (const thread of threads) {
      const from = clampForward(thread.from, ranges)
      const firstNote = notes.find(pos => pos >= from && pos < thread.to)
      const to = Math.max(from, clampBackward(firstNote ?? thread.to, ranges))
      this.markers.push({ pos: from, kind: 'start', ids: thread.ids }, { pos: to, kind: 'end', ids: thread.ids })
    }
    // Starts before ends at one position, so an empty range still opens before it closes.
    this.markers.sort((a, b) => a.pos - b.pos || (a.kind === b.kind ? 0 : a.kind === 'start' ? -1 : 1))
  }

  /** The markers inside the content range [start, end] of one paragraph, in order. */
  within(start: number, end: number): CommentMarker[] {
    return this.markers.filter(m => m.pos >= start && m.pos <= end)
  }
}

function clampForward(pos: number, ranges: Array<[number, number]>): number {
  for (const [start, end] of ranges) {
    if (pos <= end) return Math.max(pos, start)
  }
  return ranges[ranges.length - 1]![1]
}

function clampBackward(pos: number, ranges: Array<[number, number]>): number {
  for (let i = ranges.length - 1; i >= 0; i--) {
    const [start, end] = ranges[i]!
    if (pos >= start) return Math.min(pos, end)
  }
  return ranges[0]![0]
}
