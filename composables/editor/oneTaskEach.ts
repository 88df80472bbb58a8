/**
 * Heavy page work (creating a section editor, rendering a section's static HTML) one job per
 * task, so opening a long report is a series of short tasks the browser can paint and take
 * input between, not one long one (docs/performance.md). A job queued while nothing is
 * waiting runs at once: the section someone jumps to gets its editor without a delay. After an
 * editor is created the queue lets the browser paint it before the next job (the first section
 * is writable on screen before the rest of the page is built).
 */
const queue: Array<() => void> = []
/** How long a hidden tab's queue waits for a frame after creating an editor before it goes on regardless (ms). */
const PAINT_WAIT_MS = 100
/** How many jobs at the head of the queue are urgent (editors: someone may be about to type). */
let urgent = 0
let scheduled = false
let running = false
/** A job ran at once in the current task: the next ones wait for tasks of their own. */
let ranThisTask = false

function runNext() {
  scheduled = false
  const wasUrgent = urgent > 0
  const job = queue.shift()
  if (urgent) urgent--
  if (job) run(job)
  if (queue.length) schedule(wasUrgent)
}

function run(job: () => void) {
  running = true
  try {
    job()
  } finally {
    running = false
  }
}

/** After an editor was created (`afterPaint`), the next job waits until the browser has painted it. */
function schedule(afterPaint = false) {
  if (scheduled) return
  scheduled = true
  if (!afterPaint || typeof requestAnimationFrame !== 'function') {
    setTimeout(runNext, 0)
    return
  }
  let ran = false
  // A hidden tab paints no frames: go on anyway. A visible one waits for its frame however late
  // it comes (on a busy machine it can take longer than PAINT_WAIT_MS, and the next job — the
  // toolbar, another section — would otherwise run before the editor is on screen).
  const whenHidden = () => setTimeout(go, PAINT_WAIT_MS)
  const go = () => {
    if (ran) return
    ran = true
    document.removeEventListener('visibilitychange', whenHidden)
    runNext()
  }
  requestAnimationFrame(() => setTimeout(go, 0))
  if (document.visibilityState === 'hidden') whenHidden()
  else document.addEventListener('visibilitychange', whenHidden, { once: true })
}

function enqueue(job: () => void, first: boolean): () => void {
  if (first) queue.splice(urgent++, 0, job)
  else queue.push(job)
  schedule()
  return () => {
    const i = queue.indexOf(job)
    if (i < 0) return
    queue.splice(i, 1)
    if (i < urgent) urgent--
  }
}

/**
 * Run `job` now if nothing is queued (and no job is running), else in a task of its own;
 * `first`: ahead of the jobs that are not. Returns a cancel function.
 */
export function oneTaskEach(job: () => void, first = false): () => void {
  if (!queue.length && !scheduled && !running && !ranThisTask) {
    ranThisTask = true
    setTimeout(() => (ranThisTask = false), 0)
    run(job)
    return () => {}
  }
  return enqueue(job, first)
}

/** Run `job` in a task of its own, after what is queued. Returns a cancel function. */
export function laterTask(job: () => void): () => void {
  return enqueue(job, false)
}
