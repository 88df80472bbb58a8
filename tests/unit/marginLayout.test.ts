import { describe, expect, it } from 'vitest'
import { placeCards } from '../../components/comments/marginLayout'

const tops = (m: Map<string, number>) => Object.fromEntries(m)

describe('placeCards (the review margin)', () => {
  it('puts each card beside its text when they do not touch', () => {
    expect(tops(placeCards([{ key: 'a', want: 100, height: 50 }, { key: 'b', want: 300, height: 80 }], null))).toEqual({ a: 100, b: 300 })
  })

  it('pushes a card down below the previous one when their texts are close, whatever the input order', () => {
    expect(tops(placeCards([{ key: 'b', want: 120, height: 40 }, { key: 'a', want: 100, height: 60 }], null, 8))).toEqual({ a: 100, b: 168 })
  })

  it('keeps cards below the header (minTop)', () => {
    expect(tops(placeCards([{ key: 'a', want: 10, height: 50 }], null, 8, 60))).toEqual({ a: 60 })
  })

  it('pulls the focused card beside its text; the cards above it move up, the ones below follow it', () => {
    const boxes = [{ key: 'a', want: 100, height: 100 }, { key: 'b', want: 120, height: 50 }, { key: 'c', want: 130, height: 50 }]
    expect(tops(placeCards(boxes, null, 10))).toEqual({ a: 100, b: 210, c: 270 })
    expect(tops(placeCards(boxes, 'b', 10))).toEqual({ a: 10, b: 120, c: 180 })
  })

  it('does not push cards above the top: they go back down, and the focused card as little as it can', () => {
    const boxes = [{ key: 'a', want: 20, height: 100 }, { key: 'b', want: 40, height: 50 }]
    expect(tops(placeCards(boxes, 'b', 10, 0))).toEqual({ a: 0, b: 110 })
  })

  it('never overlaps, for any input', () => {
    for (let run = 0; run < 200; run++) {
      const boxes = Array.from({ length: 1 + (run % 9) }, (_, i) => ({ key: `k${i}`, want: Math.floor(Math.random() * 600), height: 20 + Math.floor(Math.random() * 200) }))
      const active = run % 3 ? `k${run % boxes.length}` : null
      const placed = [...placeCards(boxes, active, 8, 30)].map(([key, top]) => ({ top, height: boxes.find(b => b.key === key)!.height })).sort((x, y) => x.top - y.top)
      placed.forEach((p, i) => {
        expect(p.top).toBeGreaterThanOrEqual(30)
        if (i) expect(p.top).toBeGreaterThanOrEqual(placed[i - 1]!.top + placed[i - 1]!.height + 8)
      })
    }
  })
})
