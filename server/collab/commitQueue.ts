/**
 * Group commit for one room. Accepted updates wait here until the store has committed them;
 * everything accepted while a commit is in flight goes into the next one.
 *
 * When to commit is a trade of latency against CPU. Sending a group costs one store transaction
 * and one websocket frame per connection of the room, however many updates the group holds; the
 * frames dominate (each send is a syscall: 10–20 µs apiece on the 2-core benchmark machine,
 * against 25–50 µs for the whole SQLite transaction, profiled with 50 clients). So a room is
 * judged by the frames it would send per second if it committed every update on its own:
 * updates a second × connections.
 * - Below `busyFramesPerSecond` (17,500: a fifth to a third of a core) every update is committed
 *   at once (after the message that brought it and whatever else arrived in the same tick) and
 *   the room adds only the commit to the wire's latency: 50 people typing 5 keys a second
 *   (12,500 frames/s) are served this way.
 * - Above it, commits are paced `busyCommitIntervalMs` (8 ms) apart, so each commit, and the
 *   broadcast after it, carries several updates: at 50 people × 10 keys a second (25,000
 *   frames/s), four updates a frame, a quarter of the frames, for at most 8 ms more latency.
 * The threshold sits between those two rooms of the benchmark (bench/sync.mjs (f) and (b)), 1.4×
 * from each. Judging by updates a second alone (as before, ≥ 150) paced the 50-typist room too,
 * whose unpaced broadcast costs little: measured in one run (load ~1), its fan-out p50/p99 went
 * from 4.8/9.5 ms paced to 1.8/5.6 ms (@y/websocket-server 1.3/4.0), at 24% CPU instead of 18%.
 */
import { collabConfig } from './config'

/**
 * The update rate is averaged over about this long: steady enough (±10% at 250 updates/s), and
 * quick to see a room become busy (at 500 updates/s, 0.3 s of unpaced commits).
 */
const RATE_WINDOW_MS = 250

export type Commit<S> = (updates: Uint8Array[], senders: S[]) => Promise<void>

export class CommitQueue<S> {
  private updates: Uint8Array[] = []
  private senders: S[] = []
  private committing = false
  private scheduled = false
  private accepted = 0
  private committed = 0
  private waiters: Array<{ target: number, resolve: () => void }> = []
  /** Updates per second, decaying over about a quarter of a second (RATE_WINDOW_MS). */
  private rate = 0
  private rateAt = 0
  private lastFlushAt = 0
  failed = false

  /**
   * @param connections How many connections each commit is broadcast to (the room's, now).
   */
  constructor(
    private readonly commit: Commit<S>,
    private readonly onFailure: (error: unknown) => void,
    private readonly connections: () => number,
  ) {}

  /** Queue an accepted (already applied) update for the next commit. */
  add(update: Uint8Array, sender: S): void {
    this.updates.push(update)
    this.senders.push(sender)
    this.accepted++
    const now = performance.now()
    this.rate = this.rate * Math.exp((this.rateAt - now) / RATE_WINDOW_MS) + 1000 / RATE_WINDOW_MS
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
    const busy = this.rate * this.connections() >= collabConfig.busyFramesPerSecond
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
