/**
 * The colour of a person's suggestions: derived from their account id, so everyone sees the same
 * person in the same colour whether or not they are online (presence colours exist only while
 * someone is connected). Dark enough for a 3:1 underline against the page.
 */
const PALETTE = ['#b45309', '#1d4ed8', '#047857', '#7e22ce', '#be123c', '#0e7490', '#4d7c0f', '#c2410c']

export function suggestionColor(authorId: string): string {
  let h = 0
  for (let i = 0; i < authorId.length; i++) h = (h * 31 + authorId.charCodeAt(i)) >>> 0
  return PALETTE[h % PALETTE.length]!
}
