/**
 * The awareness one section editor's carets listen to: the page's one awareness, but its 'change'
 * event reaches the editor only when the change concerns a caret that is, or was, in this section.
 *
 * Why: y-tiptap's caret plugin answers every awareness change of anyone with a transaction in its
 * editor (decorations rebuilt, every plugin's state and view updated, the toolbar re-read). With
 * several editors on the page and five people typing elsewhere, that was dozens of transactions a
 * second in editors whose carets did not move (docs/performance.md). Everything else (states,
 * 'update', setting my own fields) is the awareness itself.
 */
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'

interface Change { added: number[], updated: number[], removed: number[] }
type Listener = (change: Change, origin: unknown) => void

/** Is the caret of this awareness state in `fragment` (its anchor's type, walked up to the root)? */
export function caretIn(state: Record<string, unknown> | undefined, doc: Y.Doc, fragment: Y.XmlFragment): boolean {
  const cursor = state?.cursor as { anchor?: unknown } | null | undefined
  if (!cursor?.anchor) return false
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.anchor), doc)
    // Not readable yet (its text has not arrived): let the plugin decide.
    if (!abs) return true
    let type: Y.AbstractType<unknown> | null = abs.type
    while (type && type !== fragment) type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null
    return type === fragment
  } catch {
    // An anchor this client cannot read yet: let the plugin decide.
    return true
  }
}

export function sectionAwareness(awareness: Awareness, doc: Y.Doc, fragment: Y.XmlFragment): Awareness {
  const wrapped = new Map<Listener, Listener>()
  const filter = (listener: Listener): Listener => {
    /** Clients whose caret was in this section at their last change (the plugin drew them). */
    const here = new Set<number>()
    awareness.getStates().forEach((state, id) => caretIn(state, doc, fragment) && here.add(id))
    return (change, origin) => {
      let relevant = false
      for (const id of [...change.added, ...change.updated]) {
        if (id === awareness.clientID) continue
        const now = caretIn(awareness.getStates().get(id), doc, fragment)
        if (now || here.has(id)) relevant = true
        if (now) here.add(id)
        else here.delete(id)
      }
      for (const id of change.removed) {
        if (here.delete(id)) relevant = true
      }
      if (relevant) listener(change, origin)
    }
  }
  return new Proxy(awareness, {
    get(target, prop, receiver) {
      if (prop === 'on') {
        return (name: string, listener: Listener) => {
          if (name !== 'change') return target.on(name as 'change', listener)
          const w = filter(listener)
          wrapped.set(listener, w)
          return target.on('change', w)
        }
      }
      if (prop === 'off') {
        return (name: string, listener: Listener) => {
          const w = name === 'change' ? wrapped.get(listener) : undefined
          if (w) wrapped.delete(listener)
          return target.off(name as 'change', w ?? listener)
        }
      }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
