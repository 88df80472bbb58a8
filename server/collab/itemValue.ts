/**
 * What a Yjs item stores, as the guard needs it: the plain value of a map entry, or a marker for
 * nested types, deleted content and content kinds the guard treats as opaque.
 */
import * as Y from 'yjs'

export const DELETED = Symbol('deleted')
export const OPAQUE = Symbol('opaque')

export type ItemValue = unknown

/** The value an item holds: a JSON value, a Y type, DELETED or OPAQUE. */
export function itemValue(item: Y.Item): ItemValue {
  const c = item.content
  if (c instanceof Y.ContentAny) return c.arr.length === 1 ? c.arr[0] : OPAQUE
  if (c instanceof Y.ContentType) return c.type
  if (c instanceof Y.ContentDeleted) return DELETED
  return OPAQUE
}

/** The Y type an item holds, if it holds one. */
export function itemType(item: Y.Item): Y.AbstractType<unknown> | null {
  return item.content instanceof Y.ContentType ? item.content.type : null
}

/** The Y.Map an item holds, if it holds one. */
export function itemMap(item: Y.Item): Y.Map<unknown> | null {
  const type = itemType(item)
  return type instanceof Y.Map ? type : null
}
