/**
 * The characters of a Y.XmlText with their formatting attributes, read the way Yjs reads them:
 * format items (ContentFormat) in the item list switch an attribute on (a value) or off (null)
 * for everything to their right. The guard's suggestion check needs them, because a tracked
 * change is nothing but the `insertion` / `deletion` attribute on text.
 */
import * as Y from 'yjs'
import { token } from './textAlign'
import type { Token } from './textAlign'

/** Any Yjs shared type. */
type YType = Parameters<typeof Y.findRootTypeKey>[0]

/** The visible characters of a text type in order (an embed counts as one character). */
export function textTokens(text: YType): Token[] {
  const out: Token[] = []
  let current: Record<string, unknown> = {}
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue
    const c = item.content
    if (c instanceof Y.ContentFormat) {
      const { [c.key]: _previous, ...rest } = current
      current = c.value === null ? rest : { ...rest, [c.key]: c.value }
    } else if (c instanceof Y.ContentString) {
      for (const ch of c.str) out.push(token(ch, current))
    } else if (c instanceof Y.ContentEmbed || c instanceof Y.ContentType) {
      out.push(token('\uFFFC' + JSON.stringify(c instanceof Y.ContentEmbed ? c.embed : `${item.id.client}:${item.id.clock}`), current))
    }
  }
  return out
}

/** True when a text type has any format item for one of `keys` (live or not). */
export function hasFormatKey(text: YType, keys: readonly string[]): boolean {
  for (let item = text._start; item; item = item.right) {
    if (item.content instanceof Y.ContentFormat && keys.includes(item.content.key)) return true
  }
  return false
}
