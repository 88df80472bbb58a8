/**
 * A paste must not duplicate a block's refId: a copied block is a new one (its id cleared), a cut
 * one keeps its id so the references to it follow it.
 */
import { describe, expect, it } from 'vitest'
import { chorusSchema } from '../../shared/editor/extensions'
import { withoutRefIds } from '../../shared/editor/blockRefIds'

const schema = chorusSchema()
const pasted = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { refId: 'copied' }, content: [{ type: 'text', text: 'Still in the document.' }] },
    { type: 'heading', attrs: { level: 2, refId: 'cut' }, content: [{ type: 'text', text: 'Cut from the document.' }] },
    { type: 'recommendation', attrs: { refId: 'copiedRec', kind: 'recommendation' }, content: [{ type: 'paragraph', attrs: { refId: 'copied' }, content: [{ type: 'text', text: 'Nested.' }] }] },
  ],
}).content

describe('refIds on paste', () => {
  it('clears the ids the document still holds, at any depth, and keeps the others', () => {
    const out = withoutRefIds(pasted, new Set(['copied', 'copiedRec']))
    const ids: (string | null)[] = []
    out.forEach(node => node.descendants(n => void ids.push(n.attrs.refId ?? null)))
    const top: (string | null)[] = []
    out.forEach(node => void top.push(node.attrs.refId))
    expect(top).toEqual([null, 'cut', null])
    expect(ids.filter(Boolean)).toEqual([])
    expect(out.textBetween(0, out.size, '\n')).toBe(pasted.textBetween(0, pasted.size, '\n'))
  })

  it('changes nothing when no id clashes', () => {
    expect(withoutRefIds(pasted, new Set(['other'])).eq(pasted)).toBe(true)
  })
})
