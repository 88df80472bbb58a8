/**
 * Where the cards of the review margin go (wide screens, CommentsMargin.vue): each at the height
 * of its text, as in Word and Google Docs; a card whose text is close to the previous card's is
 * pushed down below it; the focused card sits exactly beside its text and the cards above it make
 * room by moving up (never above `minTop`, where they are pushed down again).
 */

export interface MarginBox {
  key: string
  /** The top of the card's text, in the margin's coordinates. */
  want: number
  height: number
}

/** Each card's top, in the margin's coordinates (keys of `boxes`). */
export function placeCards(boxes: MarginBox[], activeKey: string | null, gap = 8, minTop = 0): Map<string, number> {
  const sorted = boxes.map((b, i) => ({ ...b, i })).sort((x, y) => x.want - y.want || x.i - y.i)
  const n = sorted.length
  const top: number[] = new Array(n).fill(0)
  const below = (i: number) => (i > 0 ? top[i - 1]! + sorted[i - 1]!.height + gap : -Infinity)
  const forward = (from: number) => {
    for (let i = from; i < n; i++) top[i] = Math.max(sorted[i]!.want, minTop, below(i))
  }
  forward(0)
  const a = activeKey === null ? -1 : sorted.findIndex(b => b.key === activeKey)
  if (a >= 0 && top[a]! > Math.max(sorted[a]!.want, minTop)) {
    top[a] = Math.max(sorted[a]!.want, minTop)
    for (let i = a - 1; i >= 0; i--) top[i] = Math.min(top[i]!, top[i + 1]! - gap - sorted[i]!.height)
    if (top[0]! < minTop) {
      for (let i = 0; i <= a; i++) top[i] = Math.max(top[i]!, minTop, below(i))
    }
    forward(a + 1)
  }
  return new Map(sorted.map((b, i) => [b.key, top[i]!]))
}
