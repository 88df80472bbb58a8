/**
 * The in-page half of bench/editor.mjs, installed before any page script runs (addInitScript), the
 * same in the Chorus page and the plain editor's page. Everything is timed on the page's own clock
 * (performance.now(), whose origin is the navigation start).
 *
 * Load: long tasks (PerformanceObserver 'longtask', buffered), the first frame that shows a
 * contenteditable editor, the first frame that shows every section's text (its editor or its
 * static HTML): a requestAnimationFrame loop looks before each frame is painted, and the time is
 * taken in a task queued from there, which runs once that frame has been produced. (Until
 * 2026-11-30 it waited for one more frame after the one that found it, which counted whatever
 * work the page did between the two frames.)
 *
 * Key to frame: a capturing keydown listener takes the event's timeStamp (when the browser received
 * the key, so time spent waiting for a busy main thread counts); a MutationObserver on the editor
 * being typed in notes the first DOM change after it; from there requestAnimationFrame + setTimeout(0)
 * fires once that frame has been produced (rAF callbacks run just before style, layout and paint;
 * a task queued from them runs after). The sample is that moment minus the keydown's timeStamp.
 */
export function editorProbe(options) {
  const w = window
  const load = { longTasks: [], firstEditable: null, allRendered: null }
  w.__benchLoad = load
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) load.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch { /* no long task API */ }

  // The report's websocket: when it was created, opened, and when its first and its largest
  // message arrived (the document) — the milestones of the load timeline (--timeline).
  load.socket = null
  const NativeSocket = w.WebSocket
  w.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args)
      if (load.socket) return
      const s = { created: performance.now(), open: null, firstMessage: null, largest: { at: null, bytes: 0 } }
      load.socket = s
      this.addEventListener('open', () => (s.open = performance.now()))
      this.addEventListener('message', (e) => {
        const bytes = e.data?.byteLength ?? e.data?.size ?? String(e.data).length
        s.firstMessage ??= performance.now()
        if (bytes > s.largest.bytes) s.largest = { at: performance.now(), bytes }
      })
    }
  }

  const afterFrame = fn => requestAnimationFrame(() => setTimeout(fn, 0))
  const rendered = () => {
    if (options.plain) return !!document.querySelector('.ProseMirror')
    const sections = document.querySelectorAll('section[data-section-id]')
    if (sections.length < options.sections) return false
    for (const s of sections) {
      const body = s.querySelector('.ProseMirror, [data-section-static]')
      // A generated section (summary of recommendations, follow-up table) shows Chorus's list, no body.
      if (!body && s.querySelector('[data-testid="recommendation-summary"], [data-testid="follow-up-table"]')) continue
      if (!body || !body.childElementCount) return false
    }
    return true
  }
  // `check` runs in a requestAnimationFrame callback: what it finds is painted in this very frame,
  // and a task queued from here runs once that frame has been produced.
  const check = () => {
    if (load.firstEditable === null && document.querySelector('.ProseMirror[contenteditable="true"]')) {
      load.firstEditable = -1
      setTimeout(() => (load.firstEditable = performance.now()), 0)
    }
    if (load.allRendered === null && rendered()) {
      load.allRendered = -1
      setTimeout(() => (load.allRendered = performance.now()), 0)
    }
    if (load.firstEditable === null || load.allRendered === null) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)

  const keys = { samples: [], pending: null, waiters: [], observer: null }
  w.__benchKeys = keys
  document.addEventListener('keydown', (e) => {
    keys.pending = { t0: e.timeStamp, seen: false }
  }, true)
  const settle = () => {
    for (const waiter of [...keys.waiters]) {
      if (keys.samples.length >= waiter.n) {
        keys.waiters.splice(keys.waiters.indexOf(waiter), 1)
        waiter.resolve(true)
      }
    }
  }
  /** Measure keys typed into the editor matching `selector` (replaces the previous target). */
  keys.attach = (selector) => {
    keys.observer?.disconnect()
    keys.samples = []
    keys.pending = null
    const el = document.querySelector(selector)
    if (!el) return false
    keys.observer = new MutationObserver(() => {
      const entry = keys.pending
      if (!entry || entry.seen) return
      entry.seen = true
      afterFrame(() => {
        keys.samples.push(performance.now() - entry.t0)
        if (keys.pending === entry) keys.pending = null
        settle()
      })
    })
    keys.observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true })
    return true
  }
  /** Resolves true once `n` samples exist, false after `timeoutMs`. */
  keys.wait = (n, timeoutMs) => new Promise((resolve) => {
    if (keys.samples.length >= n) return resolve(true)
    const waiter = { n, resolve }
    keys.waiters.push(waiter)
    setTimeout(() => {
      const i = keys.waiters.indexOf(waiter)
      if (i >= 0) {
        keys.waiters.splice(i, 1)
        resolve(false)
      }
    }, timeoutMs)
  })
}
