import type * as Y from 'yjs'

type Block = Y.XmlElement | Y.XmlText

/**
 * Forget what is kept per block (word counts, numbering summaries, follow-up links) for every
 * block holding a type the transaction changed. Each type's parents are walked once (a report
 * arriving whole changes thousands of types under the same blocks).
 */
export function forgetChanged<V>(tr: Y.Transaction, cache: WeakMap<Block, V>): void {
  const walked = new Set<unknown>()
  for (const type of tr.changed.keys()) {
    for (let t: unknown = type; t && !walked.has(t); t = (t as { _item?: { parent?: unknown } | null })._item?.parent ?? null) {
      walked.add(t)
      cache.delete(t as Block)
    }
  }
}
