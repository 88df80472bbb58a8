/**
 * A person's colour, dark enough for white text on it (WCAG AA, 4.5:1): caret labels, avatars and
 * suggestion tints all put white or the colour's text on it. Accounts created with the first,
 * lighter palette are darkened when read, so no stored colour ever fails.
 */

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
}

/** Contrast ratio of white on `rgb`. */
function contrastWithWhite(rgb: number[]): number {
  return 1.05 / (luminance(rgb) + 0.05)
}

/** `hex` (#rrggbb), darkened just enough for white text to reach 4.5:1; other input unchanged. */
export function readableColor(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!m) return hex
  let rgb = [0, 2, 4].map(i => Number.parseInt(m[1]!.slice(i, i + 2), 16))
  for (let i = 0; i < 40 && contrastWithWhite(rgb) < 4.5; i++) rgb = rgb.map(c => Math.floor(c * 0.93))
  return '#' + rgb.map(c => c.toString(16).padStart(2, '0')).join('')
}
