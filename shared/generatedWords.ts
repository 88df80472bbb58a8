/**
 * Words the generated lists add to a report: the summary of recommendations repeats every block,
 * the executive summary's priority list repeats the blocks marked priority, and the Committee counts
 * the words of the document it receives — so they count, in the section that shows them, or the
 * limit would be found broken only in Word (docs/recommendations.md).
 */

/** Extra words per section id (0 for sections that show no generated list). */
export function generatedWords(
  sections: ReadonlyArray<{ id: string, generated?: string | null, priorityList?: boolean }>,
  blocks: ReadonlyArray<{ words: number, priority: boolean }>,
): Record<string, number> {
  const all = blocks.reduce((n, b) => n + b.words, 0)
  const priority = blocks.reduce((n, b) => n + (b.priority ? b.words : 0), 0)
  const out: Record<string, number> = {}
  for (const s of sections) out[s.id] = (s.generated === 'recommendations' ? all : 0) + (s.priorityList ? priority : 0)
  return out
}
