/**
 * Scaled mode: which of a report's stored updates this instance has applied. Redis pub/sub may
 * drop a message (a reconnect, a slow subscriber); sequence numbers reveal the gap, and a gap
 * that stays open for a moment is filled from the store, which holds every committed update.
 */
export class SeqTracker {
  /** Every update up to this sequence number is applied here. */
  private upTo: number
  /** Ranges applied beyond a gap: from → to. */
  private ahead = new Map<number, number>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(start: number, private readonly fillGap: (afterSeq: number) => void, private readonly graceMs = 1_000) {
    this.upTo = start
  }

  get seq(): number {
    return this.upTo
  }

  /** Record that updates `from`..`to` are applied. */
  applied(from: number, to: number): void {
    if (to <= this.upTo) return
    if (from > this.upTo + 1) {
      this.ahead.set(from, Math.max(to, this.ahead.get(from) ?? 0))
      this.timer ??= setTimeout(() => {
        this.timer = null
        if (this.ahead.size) this.fillGap(this.upTo)
      }, this.graceMs)
      return
    }
    this.upTo = to
    for (let advanced = true; advanced;) {
      advanced = false
      for (const [f, t] of this.ahead) {
        if (f <= this.upTo + 1) {
          this.upTo = Math.max(this.upTo, t)
          this.ahead.delete(f)
          advanced = true
        }
      }
    }
  }

  /** After a catch-up from the store: everything up to `seq` is applied. */
  caughtUp(seq: number): void {
    this.applied(0, seq)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
