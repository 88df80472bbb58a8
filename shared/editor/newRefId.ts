/**
 * A short random id for a block something may refer to (figure, or a paragraph a cross-reference
 * points at). Random, not "largest + 1": two people inserting at once in their own copies of the
 * document must never pick the same id.
 */
export function newRefId(prefix = 'f'): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return prefix + Array.from(bytes, b => (b % 36).toString(36)).join('')
}
