/**
 * Writes Yjs structs and a delete set into a V1 update byte for byte as Yjs itself does, so tests
 * and the fuzzer can send what a crafted y-websocket client would: items with any id, origin,
 * parent or content, including combinations no honest Yjs client produces.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export type Struct = Y.Item | Y.GC | Y.Skip

/** A delete set as plain ranges per client. */
export type Deletions = Map<number, Array<{ clock: number, len: number }>>

/**
 * Encode `structs` (grouped by client in the order given; each client's run must be contiguous,
 * as in a real update, unless `rawSections` asks otherwise) and `deletions` as a V1 update.
 */
export function encodeCrafted(structs: Struct[], deletions: Deletions = new Map()): Uint8Array {
  const sections: Struct[][] = []
  for (const s of structs) {
    const last = sections.at(-1)
    if (last && last[0]!.id.client === s.id.client) last.push(s)
    else sections.push([s])
  }
  return encodeSections(sections, deletions)
}

/** Encode client sections exactly as given (a client may appear twice: a crafted-only shape). */
export function encodeSections(sections: Struct[][], deletions: Deletions = new Map()): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, sections.length)
  for (const section of sections) {
    encoding.writeVarUint(encoder.restEncoder, section.length)
    encoder.writeClient(section[0]!.id.client)
    encoding.writeVarUint(encoder.restEncoder, section[0]!.id.clock)
    for (const s of section) s.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.size)
  for (const [client, ranges] of deletions) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const r of ranges) {
      encoding.writeVarUint(encoder.restEncoder, r.clock)
      encoding.writeVarUint(encoder.restEncoder, r.len)
    }
  }
  return encoder.toUint8Array()
}

/**
 * A new item as a crafted client would write it. `parent` is a root name or the id of a type
 * item, used only when neither origin is given (that is how the format works).
 */
export function craftItem(o: {
  client: number
  clock: number
  origin?: Y.ID | null
  rightOrigin?: Y.ID | null
  parent?: string | Y.ID | null
  parentSub?: string | null
  content: Y.Item['content']
}): Y.Item {
  const origin = o.origin ?? null
  const rightOrigin = o.rightOrigin ?? null
  const parent = origin === null && rightOrigin === null ? (o.parent ?? null) : null
  // Item's constructor accepts a root name or an id as parent, as Yjs's own decoder passes them.
  return new Y.Item(Y.createID(o.client, o.clock), null, origin, null, rightOrigin, parent as never, o.parentSub ?? null, o.content)
}
