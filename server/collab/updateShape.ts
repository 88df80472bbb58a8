/**
 * Can Yjs apply this update whole, and only as its structs say? Checked before the guard places
 * anything, because Y.applyUpdate does not refuse a bad update: it integrates what it can, keeps
 * the rest pending, and may throw half-way (a crafted origin ahead of its own item) — leaving the
 * document half-changed. Every shape below is one no Yjs client writes; each was seen to leave
 * part of an update applied (tests/unit/guardPlacement.test.ts):
 * - a client's structs in two sections of the update (Yjs keeps only the last section);
 * - zero-length structs (they break the clock arithmetic of the struct store);
 * - an item pointing at its own client's later clocks (Yjs looks it up without waiting, and throws);
 * - structs whose dependencies cannot all be integrated in some order (missing, or a cycle
 *   across clients): Yjs would apply the others and keep these pending.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC | Y.Skip

/** What is wrong with an update's shape: `malformed` (no client writes it) or `missing` (resync). */
export type ShapeProblem = { kind: 'malformed' | 'missing', reason: string } | null

/** Check the shape of a decoded update against the document's clocks. */
export function checkUpdateShape(update: Uint8Array, structs: Struct[], ds: { clients: Map<number, Array<{ clock: number, len: number }>> }, state: (client: number) => number): ShapeProblem {
  const sections = decoding.readVarUint(decoding.createDecoder(update))
  let runs = 0
  const clients = new Set<number>()
  for (let i = 0; i < structs.length; i++) {
    const s = structs[i]!
    if (s.length <= 0) return { kind: 'malformed', reason: 'a struct of length zero' }
    if (i === 0 || structs[i - 1]!.id.client !== s.id.client) runs++
    clients.add(s.id.client)
  }
  if (sections !== runs || runs !== clients.size) return { kind: 'malformed', reason: 'a client\'s changes split over several sections' }
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (ref && ref.client === s.id.client && ref.clock >= s.id.clock) return { kind: 'malformed', reason: 'an item refers to its own future' }
    }
  }
  if (!integrable(structs, state)) return { kind: 'missing', reason: 'update depends on unknown changes' }
  for (const [client, ranges] of ds.clients) {
    const end = Math.max(state(client), lastClock(structs, client))
    for (const r of ranges) if (r.clock + r.len > end) return { kind: 'missing', reason: 'deletes unknown changes' }
  }
  return null
}

function lastClock(structs: Struct[], client: number): number {
  let end = 0
  for (const s of structs) if (s.id.client === client && !(s instanceof Y.Skip)) end = Math.max(end, s.id.clock + s.length)
  return end
}

/**
 * True when every struct can be integrated in some order (Kahn's algorithm): a struct waits for
 * its client's previous struct and for every struct of another client it refers to.
 */
function integrable(structs: Struct[], state: (client: number) => number): boolean {
  const byClient = new Map<number, Struct[]>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    let list = byClient.get(s.id.client)
    if (!list) byClient.set(s.id.client, (list = []))
    list.push(s)
  }
  const available = new Map<number, number>()
  const stateOf = (client: number) => available.get(client) ?? state(client)
  const next = new Map<number, number>([...byClient.keys()].map(c => [c, 0]))
  let remaining = [...byClient.values()].reduce((n, l) => n + l.length, 0)
  for (let progress = true; progress && remaining > 0;) {
    progress = false
    for (const [client, list] of byClient) {
      let i = next.get(client)!
      for (; i < list.length; i++) {
        const s = list[i]!
        if (s.id.clock > stateOf(client)) return false // a gap in the client's own history
        if (!(s instanceof Y.Item) || ready(s, stateOf)) {
          available.set(client, Math.max(stateOf(client), s.id.clock + s.length))
          remaining--
          progress = true
          continue
        }
        break
      }
      next.set(client, i)
    }
  }
  return remaining === 0
}

function ready(s: Y.Item, stateOf: (client: number) => number): boolean {
  for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
    if (ref && ref.client !== s.id.client && ref.clock >= stateOf(ref.client)) return false
  }
  return true
}
