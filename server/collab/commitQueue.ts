/**
 * Group commit for one room. Accepted updates wait here until the store has committed them;
 * everything accepted while a commit is in flight goes into the next one. When a room is quiet
 * an update is committed at once (right after the message that brought it); when it is busy
 * (many updates a second) commits are paced a few milliseconds apart, so each commit, and the
 * broadcast after it, carries several updates: far fewer store transactions and websocket
 * frames per update.
 */
import { collabConfig } from './config'

export type Commit<S> = (updates: Uint8Array[], senders: S[]) => Promise<void>

export class CommitQueue<S> {
  private updates: Uint8Array[] = []
  private senders: S[] = []
  private committing = false
  private scheduled = false
  private accepted = 0
  private committed = 0
  private waiters: Array<{ target: number, resolve: () => void }> = []
  /** Updates per second, decaying over about a second. */
  private rate = 0
  private rateAt = 0
  private lastFlushAt = 0
  failed = false

  constructor(private readonly commit: Commit<S>, private readonly onFailure: (error: unknown) => void) {}

  /** Queue an accepted (already applied) update for the next commit. */
  add(update: Uint8Array, sender: S): void {
    this.updates.push(update)
    this.senders.push(sender)
    this.accepted++
    const now = performance.now()
    this.rate = this.rate * Math.exp((this.rateAt - now) / 1000) + 1
    this.rateAt = now
    this.schedule()
  }

  /** True when nothing waits for or is in a commit. */
  get idle(): boolean {
    return this.committed >= this.accepted
  }

  /** Resolves once everything accepted so far is committed (or the store failed). */
  whenCommitted(): Promise<void> {
    if (this.idle || this.failed) return Promise.resolve()
    return new Promise(resolve => this.waiters.push({ target: this.accepted, resolve }))
  }

  /** Release everyone waiting (the room is being dropped). */
  releaseAll(): void {
    for (const w of this.waiters) w.resolve()
    this.waiters = []
  }

  private schedule(): void {
    if (this.scheduled || this.committing || this.failed || !this.updates.length) return
    this.scheduled = true
    const busy = this.rate >= collabConfig.busyUpdatesPerSecond
    const wait = busy ? this.lastFlushAt + collabConfig.busyCommitIntervalMs - performance.now() : 0
    if (wait > 0) setTimeout(() => this.flush(), wait)
    else queueMicrotask(() => this.flush())
  }

  private flush(): void {
    this.scheduled = false
    if (this.committing || this.failed || !this.updates.length) return
    const updates = this.updates
    const senders = this.senders
    this.updates = []
    this.senders = []
    this.committing = true
    this.lastFlushAt = performance.now()
    this.commit(updates, senders).then(() => {
      this.committed += updates.length
    }, (error: unknown) => {
      this.failed = true
      this.onFailure(error)
    }).finally(() => {
      this.committing = false
      this.waiters = this.waiters.filter((w) => {
        if (!this.failed && w.target > this.committed) return true
        w.resolve()
        return false
      })
      this.schedule()
    })
  }
}
