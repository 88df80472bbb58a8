/**
 * What a document shows, read the way a client reads it: every type's item list walked from its
 * start through `right` (where an item really is linked, whatever its `parent` field says) and its
 * map entries, each entry tagged with the id of the item that holds it — so a change is seen as
 * "this entry was replaced" or "this text changed", and nothing hidden in a corrupted link escapes.
 * Also checks that the document is internally consistent after an update.
 */
import * as Y from 'yjs'

/** Any Yjs shared type (the type findRootTypeKey takes). */
type YType = Parameters<typeof Y.findRootTypeKey>[0]

export type Value = null | boolean | number | string | { bin: string } | Value[] | { [k: string]: Value } | TypeSnap

export interface TypeSnap {
  /** Item id `client:clock` of the type (root name for roots). */
  id: string
  kind: string
  /** Map entries (attributes of XML elements too). */
  map: Record<string, { id: string, value: Value }>
  /** List content in order; adjacent text merged. */
  list: Array<{ id: string, value: Value }>
}

const idOf = (item: Y.Item) => `${item.id.client}:${item.id.clock}`

function plain(v: unknown): Value {
  if (v instanceof Uint8Array) return { bin: Buffer.from(v).toString('hex') }
  if (Array.isArray(v)) return v.map(plain)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
  return (v ?? null) as Value
}

function contentValue(c: Y.Item['content']): Value {
  if (c instanceof Y.ContentType) return snapType(c.type, '')
  if (c instanceof Y.ContentString) return c.str
  if (c instanceof Y.ContentFormat) return { format: c.key, value: plain(c.value) }
  if (c instanceof Y.ContentEmbed) return { embed: plain(c.embed) }
  if (c instanceof Y.ContentAny) return c.arr.length === 1 ? plain(c.arr[0]) : { any: plain(c.arr) }
  if (c instanceof Y.ContentBinary) return plain(c.content)
  if (c instanceof Y.ContentJSON) return { json: plain(c.arr) }
  if (c instanceof Y.ContentDoc) return { subdoc: c.doc?.guid ?? null }
  return { unknown: c.constructor.name }
}

/** A type as a client sees it. */
export function snapType(type: YType, rootName: string): TypeSnap {
  const snap: TypeSnap = {
    id: type._item ? idOf(type._item) : rootName,
    kind: type instanceof Y.XmlElement ? `xml:${type.nodeName}` : type.constructor.name,
    map: {},
    list: [],
  }
  for (const [key, item] of type._map) if (!item.deleted) snap.map[key] = { id: idOf(item), value: contentValue(item.content) }
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !item.countable) {
      if (item.content instanceof Y.ContentFormat && !item.deleted) snap.list.push({ id: idOf(item), value: contentValue(item.content) })
      continue
    }
    const value = contentValue(item.content)
    const last = snap.list.at(-1)
    if (typeof value === 'string' && last && typeof last.value === 'string') last.value += value
    else snap.list.push({ id: idOf(item), value })
  }
  return snap
}

/** Every root of a document. */
export function snapDoc(doc: Y.Doc): Map<string, TypeSnap> {
  const out = new Map<string, TypeSnap>()
  for (const [name, type] of doc.share) out.set(name, snapType(type, name))
  return out
}

/** The entries of a list with their identities. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Broken links Yjs would leave behind (an item linked into one type's list while its `parent`
 * names another, lengths that do not add up, a map entry not where its key says): null when the
 * document is consistent, else what is wrong.
 */
export function inconsistency(doc: Y.Doc): string | null {
  const seen = new Set<YType>()
  const check = (type: YType): string | null => {
    if (seen.has(type)) return 'a type reached twice'
    seen.add(type)
    let length = 0
    let prev: Y.Item | null = null
    for (let item = type._start; item; item = item.right) {
      if (item.parent !== type) return 'an item linked into a list whose type is not its parent'
      if (item.parentSub !== null) return 'a map entry linked into a list'
      if (item.left !== prev) return 'broken left link'
      if (!item.deleted && item.countable) length += item.length
      prev = item
      if (item.content instanceof Y.ContentType && !item.deleted) {
        const bad = check(item.content.type)
        if (bad) return bad
      }
    }
    if (length !== type._length) return `length ${type._length} does not match its items (${length})`
    for (const [key, item] of type._map) {
      if (item.parent !== type || item.parentSub !== key) return `map entry ${key} belongs elsewhere`
      if (item.right !== null) return `map entry ${key} is not the last write`
      if (item.content instanceof Y.ContentType && !item.deleted) {
        const bad = check(item.content.type)
        if (bad) return bad
      }
    }
    return null
  }
  for (const type of doc.share.values()) {
    const bad = check(type)
    if (bad) return bad
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) return 'part of the update was left pending'
  return null
}
