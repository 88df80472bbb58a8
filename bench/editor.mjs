#!/usr/bin/env node
/**
 * Editor benchmark: what a coalition member feels in the browser. The built app (NUXT_OUTPUT_DIR or
 * .output, built first when stale) serves a CRC alternative report of ~100 pages over its 15
 * sections and one of ~5 pages, written with the app's own writers (the sample report's clusters,
 * y-tiptap); an author opens each in Debian's Chromium (the launch flags of playwright.config.ts) at
 * 1280×800 and the bench prints:
 *
 *   - load: first frame with an editable section, first frame with every section's text shown,
 *     long tasks until then (count, longest), JS heap after a GC, DOM nodes;
 *   - key to frame (p50/p95/max) for KEYS keys typed one at a time at the end of a paragraph in the
 *     middle of the report (section 8), in the "All sections" and "One section" views, in Editing
 *     and Suggesting mode, alone and while 5 other authors (stock y-websocket clients in Node, one
 *     account each) type in other sections at 5 keys a second each;
 *   - the same typing in one plain Tiptap editor (@tiptap/core + starter-kit + tables, no
 *     collaboration) holding the same report as HTML, in the same run, and the ratio.
 *
 * How a key is timed is described in bench/lib/editorProbe.js (keydown timeStamp → first DOM change
 * in that editor → requestAnimationFrame + setTimeout(0)). The load average is printed at the start
 * and the end: on a busy machine read the ratios, not the absolute figures.
 *
 * Usage: npm run bench:editor [-- --quick] [-- --profile]
 *   --quick    50 keys, the 100-page report only, no "One section" with typists (about 1½ minutes)
 *   --profile  CPU profiles (CDP Profiler) of the 100-page load and of each typing run of it, written
 *              to bench/results/editor-*.cpuprofile (open in Chrome DevTools → Performance)
 *   --timeline prints when each request of the 100-page load started and ended, and when the report's
 *              websocket was created and opened and its document arrived (what the first editable waits for)
 *   --pages <n>  only the n-page report (100 or 5; --profile profiles the first size measured)
 *   --rendering  for each typing run, the browser's own rendering work per key (a Chrome trace:
 *              style, layout, paint… — what CPU profiles show as "(program)")
 *   --load-only  no typing: the 100-page load three times for each (fresh browser context each time), medians
 *   --baseline <git ref>  also runs everything against Chorus built from another commit
 *              (bench/lib/baselineBuild.mjs), same reports, same run: what a change gained or cost
 * Writes bench/results/editor.json (editor-quick.json with --quick, editor-load.json with --load-only).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { buildIfStale } from '../scripts/buildIfStale.mjs'
import { baselineOutput } from './lib/baselineBuild.mjs'
import { loadEditorLibrary, plainEditorScript } from './lib/editorBundle.mjs'
import { editorProbe } from './lib/editorProbe.js'
import { connectClient, startTyping } from './lib/editorTypists.mjs'
import { exportHtml } from './lib/exportHtml.mjs'
import { ROOT, startChorus } from './lib/syncServers.mjs'

const args = new Set(process.argv.slice(2))
const QUICK = args.has('--quick')
const PROFILE = args.has('--profile')
const TIMELINE = args.has('--timeline')
const LOAD_ONLY = args.has('--load-only')
const RENDERING = args.has('--rendering')
/** The renderer's main-thread work --rendering sums: style, layout, paint and the script entry points. */
const RENDERING_EVENTS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'ParseHTML', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks']
const LOADS = LOAD_ONLY ? 3 : 1
/** The report sizes, in pages: `--pages 5` measures only the 5-page one. */
const PAGES = args.has('--pages') ? [Number(process.argv[process.argv.indexOf('--pages') + 1])] : QUICK || LOAD_ONLY ? [100] : [100, 5]
const KEYS = QUICK ? 50 : 200
const TYPISTS = 5
const TYPE_INTERVAL_MS = 200
const TARGET = { firstEditableMs: 1500, longTaskMs: 200, p95AloneMs: 16, p95RemoteMs: 20, plainRatio: 1.3 }
const VIEWPORT = { width: 1280, height: 800 }
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
const SENTENCE = ' the committee should ask the state party how it will fund the strategy'
const PASSWORD = 'bench-password-123'
const log = (...a) => console.error('[bench:editor]', ...a)
const sleep = ms => new Promise(r => setTimeout(r, ms))
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d)
const loadAtStart = loadavg().map(l => round(l, 2))
const started = Date.now()
const baselineRef = args.has('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : null

buildIfStale(ROOT)
const lib = await loadEditorLibrary()
const plainJs = await plainEditorScript()
const results = { quick: QUICK, date: new Date().toISOString(), node: process.version, keys: KEYS, typists: TYPISTS, typeIntervalMs: TYPE_INTERVAL_MS, targets: TARGET, machine: { cpus: availableParallelism(), loadAverageAtStart: loadAtStart }, reports: [] }
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })

const baseline = baselineRef ? baselineOutput(ROOT, baselineRef) : null
if (baseline) results.baseline = { ref: baselineRef, sha: baseline.sha }
const servers = []
const browser = await chromium.launch(LAUNCH)
let plainServer
try {
  servers.push(await prepare(await startChorus()))
  if (baseline) servers.push(await prepare(await startChorus({}, { outputDir: baseline.out, name: `Chorus @${baseline.sha}` })))
  plainServer = await servePlain()

  for (const pages of PAGES) {
    const row = { pages }
    for (const [k, srv] of servers.entries()) {
      const report = await seedReport(srv, pages)
      log(`${srv.server.name}, ${pages}-page report: ${report.words} words, ${report.sectionIds.length} sections`)
      Object.assign(row, { words: report.words, sections: report.sectionIds.length })
      row[k ? 'baseline' : 'chorus'] = await measureChorus(srv, report, !k && pages === PAGES[0] && PROFILE && `${pages}p`)
      if (!k) row.plain = await measurePlain(report, pages === PAGES[0] && PROFILE && `${pages}p`)
    }
    results.reports.push(row)
  }
} finally {
  await browser.close().catch(() => {})
  plainServer?.close()
  for (const { server } of servers) await server.stop()
}
results.machine.loadAverageAtEnd = loadavg().map(l => round(l, 2))
results.runSeconds = Math.round((Date.now() - started) / 1000)
writeFileSync(join(ROOT, 'bench/results', resultsFile()), JSON.stringify(results, null, 2) + '\n')
printTable(results)

/** Accounts on a fresh server: the author who types and the remote typists, signed in. */
async function prepare(server) {
  const admin = server.adminHeaders.Cookie
  const api = async (cookie, method, path, body) => {
    const res = await fetch(server.base + path, { method, headers: { 'content-type': 'application/json', cookie }, body: body && JSON.stringify(body) })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`)
    return { body: text ? JSON.parse(text) : null, cookie: res.headers.getSetCookie?.().find(c => c.startsWith('chorus_session='))?.split(';')[0] }
  }
  const login = async email => (await api('', 'POST', '/api/auth/login', { email, password: PASSWORD })).cookie
  const author = await login('bench-author@example.org')
  const typists = []
  for (let i = 0; i < TYPISTS; i++) {
    const email = `bench-typist-${i + 1}@example.org`
    await api(admin, 'POST', '/api/users', { name: `Typist ${i + 1}`, email, password: PASSWORD })
    typists.push({ email, cookie: await login(email) })
  }
  return { server, api, admin, author, typists }
}

/** A new CRC report with `pages` pages of text, the author and the typists as its authors. */
async function seedReport({ server, api, admin, typists }, pages) {
  const { body: { id } } = await api(admin, 'POST', '/api/reports', { title: `Bench report, ${pages} pages`, templateId: 'crc-alternative-report' })
  for (const email of ['bench-author@example.org', ...typists.map(t => t.email)]) await api(admin, 'POST', `/api/reports/${id}/members`, { email, role: 'author' })
  const writer = await connectClient(server.base, id, admin, { awareness: false })
  const all = writer.doc.getArray('sections').toArray()
  // Generated sections (the summary of recommendations, the follow-up table) are Chorus's own: the
  // hub refuses text written into them, so the pages go into the others.
  const sections = all.filter(s => !s.get('generated'))
  const sectionIds = sections.map(s => s.get('id'))
  const titles = sections.map(s => s.get('title'))
  const bodies = lib.reportBodies(sectionIds.length, pages)
  lib.writeBodies(writer.doc, sectionIds, bodies)
  // The hub answers a new client's sync only after committing what came before it.
  const expected = bodies.map(b => b.content.length).join()
  for (let tries = 0; ; tries++) {
    await sleep(300)
    const check = await connectClient(server.base, id, admin, { awareness: false })
    const got = sectionIds.map(s => check.doc.getXmlFragment(`section:${s}`).length).join()
    check.destroy()
    if (got === expected) break
    if (tries > 60) throw new Error('the report did not reach the server')
  }
  writer.destroy()
  return { id, sectionIds, sectionCount: all.length, titles, bodies, words: lib.wordsOf(bodies) }
}

/** A new page with the probe installed; `cookie` signs in. */
async function newPage(url, sections, cookie, base) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  if (cookie) {
    const [name, value] = cookie.split('=')
    await context.addCookies([{ name, value, url: base }])
  }
  const page = await context.newPage()
  await page.addInitScript(editorProbe, { sections, plain: !cookie })
  const cdp = await context.newCDPSession(page)
  return { context, page, cdp, url }
}

/** Load figures once the page has shown everything (and settled a moment). */
async function measureLoad({ page, cdp, url }, profileName) {
  if (profileName) await startProfile(cdp)
  await page.goto(url)
  await page.waitForFunction(() => window.__benchLoad.firstEditable > 0 && window.__benchLoad.allRendered > 0, null, { timeout: 120_000 })
  if (profileName) await stopProfile(cdp, profileName)
  await sleep(1000)
  const load = await page.evaluate(() => window.__benchLoad)
  const until = Math.max(load.firstEditable, load.allRendered)
  const tasks = load.longTasks.filter(t => t.start < until)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)
  if (TIMELINE) printTimeline(await page.evaluate(() => ({
    navigation: performance.getEntriesByType('navigation').map(e => ({ name: 'document', start: e.startTime, end: e.responseEnd, domContentLoaded: e.domContentLoadedEventEnd })),
    resources: performance.getEntriesByType('resource').map(e => ({ name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd, bytes: e.transferSize })),
  })), load)
  return {
    firstEditableMs: round(load.firstEditable),
    allRenderedMs: round(load.allRendered),
    longTasks: tasks.length,
    longestTaskMs: round(Math.max(0, ...tasks.map(t => t.duration))),
    longTaskTotalMs: round(tasks.reduce((n, t) => n + t.duration, 0)),
    heapMB: round(usedSize / 2 ** 20, 1),
    domNodes,
  }
}

function resultsFile() {
  return LOAD_ONLY ? 'editor-load.json' : QUICK ? 'editor-quick.json' : 'editor.json'
}

/** LOADS loads, each in a fresh context: the median of each figure, and every first editable (the first load profiled). */
async function medianLoad(open, profileName) {
  const loads = []
  for (let i = 0; i < LOADS; i++) {
    const tab = await open()
    loads.push(await measureLoad(tab, i === 0 && profileName))
    await tab.context.close()
  }
  const median = key => loads.map(l => l[key]).sort((a, b) => a - b)[loads.length >> 1]
  const load = Object.fromEntries(Object.keys(loads[0]).map(k => [k, median(k)]))
  return { ...load, each: loads.map(l => `${l.firstEditableMs} ms / ${l.longestTaskMs} ms`) }
}

/** The load's requests and the websocket's milestones, in the order they started (ms from navigation). */
function printTimeline({ navigation, resources }, load) {
  const rows = [...navigation, ...resources].map(r => ({ at: r.start, text: `${r.name} → ${round(r.end)} ms${r.bytes ? `, ${Math.round(r.bytes / 1024)} KiB` : ''}${r.domContentLoaded ? `, DOMContentLoaded ${round(r.domContentLoaded)} ms` : ''}` }))
  const s = load.socket
  if (s) {
    rows.push({ at: s.created, text: 'websocket created' }, { at: s.open, text: 'websocket open' }, { at: s.firstMessage, text: 'websocket first message' })
    rows.push({ at: s.largest.at, text: `websocket largest message (${Math.round(s.largest.bytes / 1024)} KiB: the document)` })
  }
  rows.push({ at: load.firstEditable, text: 'first editable (frame)' }, { at: load.allRendered, text: 'all sections rendered (frame)' })
  for (const t of load.longTasks) rows.push({ at: t.start, text: `long task ${round(t.duration)} ms` })
  console.log(rows.filter(r => r.at !== null).sort((a, b) => a.at - b.at).map(r => `${String(round(r.at)).padStart(8)} ms  ${r.text}`).join('\n'))
}

/** Type KEYS keys one at a time into the editor `selector`; p50/p95/max of key to frame. */
async function typeKeys({ page, cdp }, selector, profileName) {
  const attached = await page.evaluate(s => window.__benchKeys.attach(s), selector)
  if (!attached) throw new Error(`no editor ${selector}`)
  if (profileName) await startProfile(cdp)
  if (RENDERING) await startRenderingTrace(cdp)
  let missed = 0
  for (let i = 0; i < KEYS; i++) {
    const ch = SENTENCE[i % SENTENCE.length]
    await page.keyboard.press(ch === ' ' ? 'Space' : ch)
    if (!(await page.evaluate(([n]) => window.__benchKeys.wait(n, 2000), [i + 1 - missed]))) missed++
  }
  if (profileName) await stopProfile(cdp, profileName)
  const rendering = RENDERING ? await stopRenderingTrace(cdp, KEYS) : undefined
  const samples = (await page.evaluate(() => window.__benchKeys.samples)).sort((a, b) => a - b)
  const at = q => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]
  return { n: samples.length, missed, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(samples[samples.length - 1]), rendering }
}

/** Put the caret at the end of the middle paragraph of the body `selector`. */
async function placeCaret(page, selector) {
  const target = page.locator(`${selector} > p`).nth(await page.locator(`${selector} > p`).count() >> 1)
  await target.scrollIntoViewIfNeeded()
  await target.click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('End')
  await sleep(300)
}

async function measureChorus({ server, author, typists }, report, profile) {
  const target = report.sectionIds[7]
  const body = `.ProseMirror[data-section-body="${target}"]`
  const open = () => newPage(`${server.base}/reports/${report.id}`, report.sectionCount, author, server.base)
  if (LOAD_ONLY) return { load: await medianLoad(open, profile && `editor-load-${profile}`), runs: [], after: {} }
  const tab = await open()
  const { page } = tab
  log(`${report.words} words: loading`)
  const load = await measureLoad(tab, profile && `editor-load-${profile}`)
  // The typists connect now (their sections: far above, just above, just below, far below, the last).
  const others = [0, 5, 9, 12, report.sectionIds.length - 1].map(i => report.sectionIds[i])
  const clients = []
  for (let i = 0; i < TYPISTS; i++) clients.push({ client: await connectClient(server.base, report.id, typists[i].cookie), sectionId: others[i] })
  // The section in the middle: scroll to it through the outline, as a person would.
  await page.locator(`#section-${target}`).scrollIntoViewIfNeeded()
  await page.waitForSelector(body, { timeout: 60_000 })
  const runs = []
  for (const view of ['all', 'one']) {
    await placeCaret(page, body)
    if (view === 'one') {
      await page.getByTestId('focus-mode').click()
      await placeCaret(page, body)
    }
    for (const mode of ['editing', 'suggesting']) {
      if (mode === 'suggesting') {
        await page.keyboard.press('Control+Shift+E')
        await page.locator('[data-testid="mode-switch"] [data-mode="suggesting"][aria-pressed="true"]').waitFor({ timeout: 10_000 })
        await placeCaret(page, body)
      }
      for (const remote of [false, true]) {
        if (remote && QUICK && view === 'one') continue
        const name = `${view}/${mode}/${remote ? 'typists' : 'alone'}`
        log(`${report.words} words: typing, ${name}`)
        const stop = remote ? startTyping(clients, TYPE_INTERVAL_MS) : null
        if (remote) await sleep(1000)
        const keys = await typeKeys(tab, body, profile && `editor-type-${profile}-${view}-${mode}-${remote ? 'typists' : 'alone'}`)
        const remoteChars = stop ? await stop() : 0
        runs.push({ view, mode, remote, remoteChars, ...keys })
        await sleep(500)
      }
      if (mode === 'suggesting') {
        await page.keyboard.press('Control+Shift+E')
        await page.locator('[data-testid="mode-switch"] [data-mode="editing"][aria-pressed="true"]').waitFor({ timeout: 10_000 })
      }
    }
    if (view === 'one') await page.getByRole('button', { name: /all sections/i }).first().click()
  }
  const after = { domNodes: await page.evaluate(() => document.getElementsByTagName('*').length), heapMB: round((await tab.cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, 1) }
  for (const { client } of clients) client.destroy()
  await tab.context.close()
  return { load, runs, after }
}

async function measurePlain(report, profile) {
  plainServer.html = exportHtml(lib.asExportInput(report.titles, report.bodies))
  if (LOAD_ONLY) return { load: await medianLoad(() => newPage(`${plainServer.url}/`, 0, null), profile && `editor-plain-load-${profile}`), keys: {} }
  const tab = await newPage(`${plainServer.url}/`, 0, null)
  log(`${report.words} words: plain editor`)
  const load = await measureLoad(tab, profile && `editor-plain-load-${profile}`)
  // The same paragraph: the middle one of section 8 (each section starts with its <h1>).
  const { page } = tab
  const index = await page.evaluate((sectionNo) => {
    const kids = [...document.querySelector('.ProseMirror').children]
    const h1s = kids.map((k, i) => (k.tagName === 'H1' ? i : -1)).filter(i => i >= 0)
    const ps = kids.slice(h1s[sectionNo] + 1, h1s[sectionNo + 1]).map((k, i) => (k.tagName === 'P' ? h1s[sectionNo] + 1 + i : -1)).filter(i => i >= 0)
    return ps[ps.length >> 1]
  }, 7)
  const target = page.locator('.ProseMirror > *').nth(index)
  await target.scrollIntoViewIfNeeded()
  await target.click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('End')
  const keys = await typeKeys(tab, '.ProseMirror', profile && `editor-plain-type-${profile}`)
  await tab.context.close()
  return { load, keys }
}

/** A loopback page holding the plain editor; `html` is set before each load. */
function servePlain() {
  const state = { html: '' }
  const srv = createServer((req, res) => {
    if (req.url === '/plain.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' })
      return res.end(plainJs)
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    const body = state.html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '')
    res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Plain Tiptap</title><style>body{margin:0;font:16px/1.6 serif}#editor{max-width:48rem;margin:0 auto;padding:2rem}.ProseMirror{outline:none}</style></head><body><div id="editor"></div><template id="content">${body}</template><script src="/plain.js"></script><script>startPlainEditor(document.getElementById('content').innerHTML)</script></body></html>`)
  })
  return new Promise((resolve) => {
    srv.listen(0, '127.0.0.1', () => resolve(Object.assign(state, { url: `http://127.0.0.1:${srv.address().port}`, close: () => srv.close() })))
  })
}

async function startRenderingTrace(cdp) {
  const events = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value))
  cdp.renderingEvents = events
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' })
}
/** Milliseconds per key of each kind of the renderer main thread's work (complete events, self-nested ones counted once). */
async function stopRenderingTrace(cdp, keys) {
  const done = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  await done
  const main = cdp.renderingEvents.find(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const perKey = {}
  for (const e of cdp.renderingEvents) {
    if (e.ph !== 'X' || !RENDERING_EVENTS.includes(e.name) || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue
    perKey[e.name] = (perKey[e.name] ?? 0) + e.dur / 1000 / keys
  }
  return Object.fromEntries(Object.entries(perKey).map(([k, v]) => [k, round(v, 2)]))
}

async function startProfile(cdp) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
}

async function stopProfile(cdp, name) {
  const { profile } = await cdp.send('Profiler.stop')
  const file = join(ROOT, 'bench/results', `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  log(`CPU profile: ${file}`)
}

function printTable(r) {
  const ok = pass => (pass ? '✓' : '✗')
  const f = x => (x === null || x === undefined ? 'n/a' : String(x))
  const lines = []
  lines.push(`## Editor benchmark${r.quick ? ' (--quick)' : ''} — ${r.date}, ${r.machine.cpus} CPUs, load average ${r.machine.loadAverageAtStart.join(' ')} at start, ${r.machine.loadAverageAtEnd.join(' ')} at end; ${r.keys} keys per run, ${r.typists} remote typists at ${1000 / r.typeIntervalMs} keys/s each; ${r.runSeconds} s`, '')
  for (const row of r.reports) {
    const l = row.chorus.load
    lines.push(`### ${row.pages}-page report (${row.words.toLocaleString('en')} words, ${row.sections} sections)`, '')
    lines.push('| load | Chorus | plain Tiptap | target |', '|---|---|---|---|')
    lines.push(`| first editable section | ${f(l.firstEditableMs)} ms | ${f(row.plain.load.firstEditableMs)} ms | ≤ ${TARGET.firstEditableMs} ms ${ok(l.firstEditableMs <= TARGET.firstEditableMs)} |`)
    lines.push(`| all sections rendered | ${f(l.allRenderedMs)} ms | ${f(row.plain.load.allRenderedMs)} ms | — |`)
    lines.push(`| long tasks until then: count / longest / total | ${l.longTasks} / ${f(l.longestTaskMs)} / ${f(l.longTaskTotalMs)} ms | ${row.plain.load.longTasks} / ${f(row.plain.load.longestTaskMs)} / ${f(row.plain.load.longTaskTotalMs)} ms | longest ≤ ${TARGET.longTaskMs} ms ${ok(l.longestTaskMs <= TARGET.longTaskMs)} |`)
    lines.push(`| JS heap after GC | ${f(l.heapMB)} MB (${f(row.chorus.after.heapMB)} after typing) | ${f(row.plain.load.heapMB)} MB | — |`)
    lines.push(`| DOM nodes | ${l.domNodes} (${f(row.chorus.after.domNodes)} after typing) | ${row.plain.load.domNodes} | — |`, '')
    if (l.each) lines.push(`Each load, first editable / longest task: Chorus ${l.each.join(', ')}; plain ${row.plain.load.each.join(', ')}`, '')
    if (!row.chorus.runs.length) continue
    const p = row.plain.keys
    lines.push('| key to frame | p50 ms | p95 ms | max ms | p95 ÷ plain | target |', '|---|---|---|---|---|---|')
    lines.push(`| plain Tiptap, one editor, no collaboration | ${f(p.p50Ms)} | ${f(p.p95Ms)} | ${f(p.maxMs)} | 1 | — |`)
    for (const run of row.chorus.runs) {
      const limit = run.remote ? TARGET.p95RemoteMs : TARGET.p95AloneMs
      const ratio = round(run.p95Ms / p.p95Ms, 2)
      const label = `${run.view === 'all' ? 'All sections' : 'One section'}, ${run.mode === 'editing' ? 'Editing' : 'Suggesting'}, ${run.remote ? `${r.typists} typists (${run.remoteChars} chars)` : 'alone'}`
      lines.push(`| ${label}${run.missed ? ` (${run.missed} keys without a frame)` : ''} | ${f(run.p50Ms)} | ${f(run.p95Ms)} | ${f(run.maxMs)} | ${f(ratio)} | p95 ≤ ${limit} ms ${ok(run.p95Ms <= limit)}, ≤ ${TARGET.plainRatio}× ${ok(ratio <= TARGET.plainRatio)} |`)
    }
    const rendered = [['plain', p], ...row.chorus.runs.map(run => [`${run.view}/${run.mode}/${run.remote ? 'typists' : 'alone'}`, run])].filter(([, x]) => x.rendering)
    if (rendered.length) {
      lines.push('', 'Renderer main thread per key (ms, Chrome trace):', '')
      for (const [label, x] of rendered) lines.push(`- ${label}: ${Object.entries(x.rendering).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    }
    const b = row.baseline
    if (b) {
      const bl = b.load
      lines.push('', `This build against Chorus @${r.baseline.sha} (${r.baseline.ref}), same report, same run:`, '')
      lines.push(`| | this build | @${r.baseline.sha} | this ÷ that |`, '|---|---|---|---|')
      lines.push(`| first editable section | ${f(l.firstEditableMs)} ms | ${f(bl.firstEditableMs)} ms | ${f(round(l.firstEditableMs / bl.firstEditableMs, 2))} |`)
      lines.push(`| all sections rendered | ${f(l.allRenderedMs)} ms | ${f(bl.allRenderedMs)} ms | ${f(round(l.allRenderedMs / bl.allRenderedMs, 2))} |`)
      lines.push(`| longest long task while loading | ${f(l.longestTaskMs)} ms | ${f(bl.longestTaskMs)} ms | ${f(round(l.longestTaskMs / bl.longestTaskMs, 2))} |`)
      for (const [i, run] of row.chorus.runs.entries()) {
        const o = b.runs[i]
        const label = `${run.view === 'all' ? 'All sections' : 'One section'}, ${run.mode === 'editing' ? 'Editing' : 'Suggesting'}, ${run.remote ? 'typists' : 'alone'}`
        lines.push(`| key to frame p95, ${label} | ${f(run.p95Ms)} ms | ${f(o?.p95Ms)} ms | ${f(round(run.p95Ms / o?.p95Ms, 2))} |`)
      }
    }
    lines.push('')
  }
  lines.push(`written to bench/results/${resultsFile()}`)
  console.log(lines.join('\n'))
}
