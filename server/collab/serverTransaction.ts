/**
 * A change the server makes to a room's live document (an HTTP route, through `Room.change`) is
 * kept whole or not at all. A Yjs transaction cannot be rolled back, so when the change throws
 * after it changed something, its update is kept out of the commit queue here and the room must
 * be reloaded from the store: its live document then holds a change that neither the store nor
 * any client will ever have. Routes check first and change after; this is the safety net.
 */
import type * as Y from 'yjs'

/** A server change threw after changing the live document: the room must be reloaded from the store. */
export class HalfAppliedChange extends Error {
  constructor(reportId: string) {
    super(`a server change to report ${reportId} failed after changing the document; it was not kept`)
  }
}

export class ServerTransaction {
  /** The running change threw: its update (if any) must not be committed. */
  private failing = false
  private dropped = false

  constructor(private readonly doc: Y.Doc, private readonly origin: unknown) {}

  /** Run `fn` in one transaction; if it throws, `halfApplied` is called first when it had changed the document. */
  run<T>(fn: (doc: Y.Doc) => T, halfApplied: () => void): T {
    let result!: T
    let failure = null as { error: unknown } | null
    this.failing = false
    this.dropped = false
    this.doc.transact(() => {
      try {
        result = fn(this.doc)
      } catch (error) {
        failure = { error }
        this.failing = true
      }
    }, this.origin)
    const partial = this.dropped
    this.failing = false
    this.dropped = false
    if (!failure) return result
    if (partial) halfApplied()
    throw failure.error
  }

  /** For the document's update handler: true when this update is a failed change's and must be dropped. */
  drops(origin: unknown): boolean {
    if (origin !== this.origin || !this.failing) return false
    this.dropped = true
    return true
  }
}
