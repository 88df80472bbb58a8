/**
 * A decoded Yjs update seen against the live document, BEFORE it is applied: which of its items
 * are new, and where each new or deleted item will sit (root name and the chain of map keys and
 * items down to it) — where Y.applyUpdate will put it, not where the update claims: an item that
 * starts below the document's clock for its client is integrated from its first new clock on,
 * next to its client's previous item (Item.integrate with offset > 0), so it is placed there.
 * The update's shape (can Yjs apply it whole?) is checked in updateShape.ts. The guard decides on
 * this view; nothing here mutates the document (no item is split, nothing is integrated).
 */
import * as Y from 'yjs'
import { checkUpdateShape } from './updateShape'
import type { ShapeProblem } from './updateShape'

type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** One step from a root down to an item: the item and the map key it is stored under (null in arrays and text). */
export interface Step {
  item: Y.Item
  key: string | null
  /** True when the item comes from this update (not yet in the document). */
  isNew: boolean
}

/** Where an item sits: the root type's name and the path from the root's direct child to the item. */
export interface Location {
  root: string
  path: Step[]
}

/** An item that ends up garbage-collected (its neighbour or parent is gone): it changes nothing visible. */
export const INERT = 'inert' as const
/** An item whose dependencies are neither in the document nor in the update. */
export const MISSING = 'missing' as const
/** An overlapping item whose claimed place is not where Yjs would link it (malformed). */
export const MISPLACED = 'misplaced' as const
export type Placement = Location | typeof INERT | typeof MISSING | typeof MISPLACED

interface ParentRef { root?: string, item?: Y.Item, isNew: boolean, key: string | null }

const MAX_DEPTH = 256

export class UpdateView {
  readonly structs: Struct[]
  readonly ds: DeleteSet
  private readonly byClient = new Map<number, Struct[]>()
  private readonly rootNames = new Map<Y.AbstractType<unknown>, string>()
  private readonly parents = new Map<Y.Item, ParentRef | typeof INERT | typeof MISSING | typeof MISPLACED>()

  /** Throws on bytes that are not a Yjs update. */
  constructor(readonly doc: Y.Doc, private readonly update: Uint8Array) {
    const { structs, ds } = Y.decodeUpdate(update)
    this.structs = structs as Struct[]
    this.ds = ds
    for (const s of this.structs) {
      let list = this.byClient.get(s.id.client)
      if (!list) this.byClient.set(s.id.client, (list = []))
      list.push(s)
    }
  }

  /** The document's clock for a client (how much of that client's history it already holds). */
  state(client: number): number {
    return Y.getState(this.doc.store, client)
  }

  /** Items of this update the document does not hold yet (also partially new ones). */
  *newItems(): Generator<Y.Item> {
    for (const s of this.structs) {
      if (s instanceof Y.Item && s.id.clock + s.length > this.state(s.id.client)) yield s
    }
  }

  /** The Yjs client ids under which this update writes something the document does not hold yet. */
  writingClients(): number[] {
    const clients: number[] = []
    for (const [client, list] of this.byClient) {
      if (list.some(s => !(s instanceof Y.Skip) && s.id.clock + s.length > this.state(client))) clients.push(client)
    }
    return clients
  }

  /** GC placeholders of this update for clocks the document does not hold yet. */
  hasNewGc(): boolean {
    return this.structs.some(s => s instanceof Y.GC && s.id.clock + s.length > this.state(s.id.client))
  }

  /** Why Yjs could not apply this update whole and as written, or null (updateShape.ts). */
  shapeProblem(): ShapeProblem {
    return checkUpdateShape(this.update, this.structs, this.ds, c => this.state(c))
  }

  /** Items of the document that this update deletes and that are not deleted yet. */
  *deletedItems(): Generator<Y.Item> {
    for (const [client, ranges] of this.ds.clients) {
      const structs = this.doc.store.clients.get(client)
      if (!structs) continue
      const known = this.state(client)
      for (const { clock, len } of ranges) {
        if (clock >= known) continue
        let i = Y.findIndexSS(structs, clock)
        for (; i < structs.length && structs[i]!.id.clock < clock + len; i++) {
          const s = structs[i]!
          if (s instanceof Y.Item && !s.deleted) yield s
        }
      }
    }
  }

  /** True when the item is deleted already or by this update. */
  isDeleted(item: Y.Item): boolean {
    if (item.deleted) return true
    const ranges = this.ds.clients.get(item.id.client)
    if (!ranges) return false
    const { clock } = item.id
    return ranges.some(r => r.clock < clock + item.length && clock < r.clock + r.len)
  }

  /** The struct holding `id`: from the document when it has that clock, else from this update. */
  private find(id: Y.ID): { struct: Struct, isNew: boolean } | null {
    if (id.clock < this.state(id.client)) return { struct: Y.getItem(this.doc.store, id) as Struct, isNew: false }
    const list = this.byClient.get(id.client)
    if (!list) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]!
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s instanceof Y.Skip ? null : { struct: s, isNew: true }
    }
    return null
  }

  private rootName(type: Y.AbstractType<unknown>): string {
    let name = this.rootNames.get(type)
    if (name === undefined) this.rootNames.set(type, (name = Y.findRootTypeKey(type)))
    return name
  }

  /** The parent of an item, resolved the way Yjs resolves it when integrating (Item.getMissing). */
  private parentOf(item: Y.Item, isNew: boolean): ParentRef | typeof INERT | typeof MISSING | typeof MISPLACED {
    if (!isNew) {
      const type = item.parent as Y.AbstractType<unknown>
      return type._item ? { item: type._item, isNew: false, key: item.parentSub } : { root: this.rootName(type), isNew: false, key: item.parentSub }
    }
    const cached = this.parents.get(item)
    if (cached) return cached
    this.parents.set(item, MISSING) // breaks cycles in crafted updates
    const resolved = this.resolveNewParent(item)
    this.parents.set(item, resolved)
    return resolved
  }

  private resolveNewParent(item: Y.Item): ParentRef | typeof INERT | typeof MISSING | typeof MISPLACED {
    const claimed = this.claimedParent(item)
    const known = this.state(item.id.client)
    if (item.id.clock >= known || claimed === INERT || claimed === MISSING || claimed === MISPLACED) return claimed
    // Overlap: Yjs links the new part right after the client's item at clock `known - 1`, in
    // that item's list, while keeping the claimed parent for lengths and map slots. Only an
    // update whose claim agrees with that place is coherent; no Yjs client writes another.
    const left = Y.getItem(this.doc.store, Y.createID(item.id.client, known - 1)) as Struct
    if (!(left instanceof Y.Item)) return MISPLACED
    const actual = this.parentOf(left, false)
    if (actual === INERT || actual === MISSING || actual === MISPLACED || actual.key !== claimed.key) return MISPLACED
    const same = actual.root !== undefined ? claimed.root === actual.root : claimed.item === actual.item
    return same ? claimed : MISPLACED
  }

  /** The parent an item names (through its origin, right origin or parent field), as Item.getMissing resolves it. */
  private claimedParent(item: Y.Item): ParentRef | typeof INERT | typeof MISSING | typeof MISPLACED {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { root: parent, isNew: false, key: item.parentSub }
    const left = item.origin ? this.find(item.origin) : null
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null
    if ((item.origin && !left) || (item.rightOrigin && !right)) return MISSING
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return INERT
    if (parent instanceof Y.ID) {
      const found = this.find(parent)
      if (!found) return MISSING
      if (found.struct instanceof Y.GC) return INERT
      const p = found.struct as Y.Item
      if (!(p.content instanceof Y.ContentType)) return MISSING
      return { item: p, isNew: found.isNew, key: item.parentSub }
    }
    const neighbour = left ?? right
    if (!neighbour) return MISSING
    const n = neighbour.struct as Y.Item
    // The neighbour's parent and key are the item's own (Yjs copies them the same way).
    return this.parentOf(n, neighbour.isNew)
  }

  /** Where an item (new in this update, or already in the document) sits. */
  locate(item: Y.Item, isNew: boolean): Placement {
    const path: Step[] = []
    let current = item
    let currentIsNew = isNew
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const up = this.parentOf(current, currentIsNew)
      if (up === INERT || up === MISSING || up === MISPLACED) return up
      path.push({ item: current, key: up.key, isNew: currentIsNew })
      if (up.root !== undefined) return { root: up.root, path: path.reverse() }
      current = up.item!
      currentIsNew = up.isNew
    }
    return MISSING
  }
}
