/** People's colours carry white text at WCAG AA whatever palette an account was created with. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readableColor } from '#shared/readableColor'

const contrast = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map(s => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05)
}

describe('readableColor', () => {
  it('darkens the first palette\'s light colours (green, amber, cyan, lime, orange) to 4.5:1 with white', () => {
    for (const c of ['#059669', '#d97706', '#0891b2', '#65a30d', '#ea580c']) {
      expect(contrast(c)).toBeLessThan(4.5)
      expect(contrast(readableColor(c))).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('keeps a colour that already passes, and reaches 4.5:1 for any colour', () => {
    expect(readableColor('#1d4ed8')).toBe('#1d4ed8')
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xFFFFFF }), (n) => {
      const hex = '#' + n.toString(16).padStart(6, '0')
      expect(contrast(readableColor(hex))).toBeGreaterThanOrEqual(4.5)
    }))
  })
})
