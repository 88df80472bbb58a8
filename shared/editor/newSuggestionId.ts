/**
 * A random suggestion id. Random rather than "largest id + 1" so that two people suggesting at
 * the same moment, each in their own copy of the document, never pick the same id.
 */
export function newSuggestionId(): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, b => (b % 36).toString(36)).join('')
}
