/**
 * Whole-report work in slices: the word counts, the cross-reference numbers, the follow-up links
 * and the recommendation list each read every section of a report that has just loaded, and one
 * task each for that was a long task while the page opened (docs/performance.md). Work runs here
 * one unit at a time (a section, a block) until SLICE_MS have passed, then goes on in a task of
 * its own (a timer, not the page's `oneTaskEach` queue: editors and section bodies queued there
 * must not hold the numbers back, nor the numbers them), so the browser paints and takes input
 * in between.
 */

/** A slice yields to the browser after this long (ms). */
export const SLICE_MS = 30

export interface Slices {
  /** Work is left (false once `done` was called, or after `cancel`). */
  readonly busy: boolean
  /** Do what is left now, in this task (someone needs the result at once). */
  finish: () => void
  /** Stop; `done` is not called. */
  cancel: () => void
}

/** While the report page opens, slices wait for this (holdSlices). */
let held: Promise<void> | null = null

/**
 * Hold back slices that have not started until the returned function is called (the report
 * page's first editor is on screen) or `maxMs` have passed. `finish` still works at once.
 */
export function holdSlices(maxMs: number): () => void {
  let release = () => {}
  const gate = new Promise<void>(resolve => (release = resolve))
  held = gate
  const open = () => {
    clearTimeout(timer)
    if (held === gate) held = null
    release()
  }
  const timer = setTimeout(open, maxMs)
  return open
}

/**
 * Call `step` until it returns false (nothing left), SLICE_MS of it per task, from the next task
 * on; then `done`.
 */
export function inSlices(step: () => boolean, done: () => void): Slices {
  let timer: ReturnType<typeof setTimeout> | null = null
  let over = false
  const run = (budget: number) => {
    timer = null
    if (over) return
    const started = performance.now()
    while (step()) {
      if (performance.now() - started > budget) {
        timer = setTimeout(() => run(SLICE_MS), 0)
        return
      }
    }
    over = true
    done()
  }
  // The caller's task has work of its own (a page being set up, a transaction): start in the next
  // (or once the page opening holds slices back lets them go).
  const start = () => {
    if (!over) timer = setTimeout(() => run(SLICE_MS), 0)
  }
  if (held) void held.then(start)
  else start()
  return {
    get busy() { return !over },
    finish() {
      if (over) return
      if (timer !== null) clearTimeout(timer)
      run(Infinity)
    },
    cancel() {
      over = true
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}

/**
 * `visit` each item of `list()` — read when the first slice runs, so a report that arrives in
 * between is the one visited — SLICE_MS of them per task; then `done`.
 */
export function eachInSlices<T>(list: () => T[], visit: (item: T) => void, done: () => void): Slices {
  let items: T[] | null = null
  let next = 0
  return inSlices(() => {
    items ??= list()
    if (next >= items.length) return false
    visit(items[next++]!)
    return true
  }, done)
}
