/**
 * Sync benchmark: Chorus's collaboration hub against @y/websocket-server 0.1.1 and
 * @hocuspocus/server 4.7, all three started here as child processes on loopback.
 *
 *   (a) 20 clients × 100 updates at 5 Hz on one document: fan-out latency p50/p99, server CPU
 *   (b) 50 clients × 100 updates at 10 Hz: server CPU per delivered message, drain time, losses
 *   (c) memory per open document (100 × 10 pages, 20 × 100 pages) and 30 s after everyone left
 *   (d) cold open of a 100-page report stored as snapshot + 200 updates (Chorus)
 *   (e) bytes written to storage per 1,000 keystrokes (Chorus: DocStore bytes; Hocuspocus: the
 *       size of the states its onStoreDocument hook is handed; @y/websocket-server: none, in-memory)
 *   (f) capacity sweep: 50 and 100 typists on one document, each one keystroke every 200 ms for
 *       30 s: fan-out p50/p99 and server CPU (one run per size and server, servers interleaved)
 *
 * (a) and (b) are the median of 3 runs (servers interleaved); (c)–(e) run once ((d) is the median
 * of 3 opens). `--quick` shrinks everything for a smoke run (about 2 minutes). `--baseline <ref>`
 * also runs (a) and (b) against Chorus built from another commit (bench/lib/baselineBuild.mjs)
 * and prints the ratio: what a change to the hub costs, measured in the same run. `--only b,f`
 * runs only the listed workloads (letters as above) and writes bench/results/sync-only.json,
 * never the full run's file.
 * Usage: npm run bench:sync [-- --quick] [-- --baseline <git ref>] [-- --only <letters>]
 *   (needs the built server: npm run build; NUXT_OUTPUT_DIR picks another build)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { baselineOutput } from './lib/baselineBuild.mjs'
import { ROOT, startChorus, startHocuspocus, startYWebsocketServer } from './lib/syncServers.mjs'
import { bytesPerKeystrokes, captureSeed, coldOpen, fanout, memoryAfterLeave, memoryLeave, memoryOpen } from './lib/syncWorkloads.mjs'

const quick = process.argv.includes('--quick')
const plan = quick
  ? { runs: 1, a: { clients: 20, updates: 20, hz: 5 }, b: { clients: 50, updates: 20, hz: 10 }, c: [{ reports: 20, pages: 10 }, { reports: 4, pages: 100 }], idleMs: 10_000, d: { pages: 100, updates: 200, repeats: 1 }, e: { keystrokes: 200, hz: 40, pages: 30 }, f: { sizes: [50, 100], updates: 25, hz: 5 } }
  : { runs: 3, a: { clients: 20, updates: 100, hz: 5 }, b: { clients: 50, updates: 100, hz: 10 }, c: [{ reports: 100, pages: 10 }, { reports: 20, pages: 100 }], idleMs: 30_000, d: { pages: 100, updates: 200, repeats: 3 }, e: { keystrokes: 1000, hz: 20, pages: 30 }, f: { sizes: [50, 100], updates: 150, hz: 5 } }

const onlyArg = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : null
const only = onlyArg === null ? null : new Set(onlyArg.split(',').map(x => x.trim().toLowerCase()).filter(Boolean))
if (only && (!only.size || [...only].some(x => !'abcdef'.includes(x) || x.length !== 1))) throw new Error(`--only takes workload letters a–f separated by commas, not "${onlyArg}"`)
/** Whether workload `letter` runs in this invocation. */
const runs = letter => !only || only.has(letter)

const SERVERS = [['Chorus', () => startChorus()], ['@y/websocket-server', startYWebsocketServer], ['@hocuspocus/server', startHocuspocus]]
const baselineRef = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : null
const baseline = baselineRef ? baselineOutput(ROOT, baselineRef) : null
const BASELINE = baseline ? `Chorus @${baseline.sha}` : null
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const log = (...a) => console.error('[bench:sync]', ...a)
const results = { quick, only: only ? [...only].sort().join(',') : null, startedAt: new Date().toISOString(), node: process.version, loadAtStart: loadavg()[0], plan, fanoutA: {}, fanoutB: {}, sweep: {}, memory: {}, coldOpen: null, bytes: {} }

/** Run `fn` for each server, `runs` times interleaved; per server, the median of each number. */
async function medianOver(servers, runs, fn) {
  const samples = Object.fromEntries(servers.map(s => [s.name, []]))
  for (let r = 0; r < runs; r++) {
    for (const s of servers) {
      log(`${fn.name} run ${r + 1}/${runs}: ${s.name}`)
      samples[s.name].push(await fn(s))
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, rows]) => [name, Object.fromEntries(Object.keys(rows[0]).map(k => [k, median(rows.map(x => x[k]))]))]))
}

const started = Date.now()
const servers = []
let seed
try {
  for (const [, start] of SERVERS) servers.push(await start())
  if (baseline) servers.push(await startChorus({}, { outputDir: baseline.out, name: BASELINE }))
  const a = async function a(s) { return fanout(s, plan.a) }
  const b = async function b(s) { return fanout(s, plan.b) }
  if (runs('a')) results.fanoutA = await medianOver(servers, plan.runs, a)
  if (runs('b')) results.fanoutB = await medianOver(servers, plan.runs, b)
  if (runs('f')) {
    for (const clients of plan.f.sizes) {
      const sweep = async function f(s) { return fanout(s, { clients, updates: plan.f.updates, hz: plan.f.hz }) }
      results.sweep[clients] = await medianOver(servers, 1, sweep)
    }
  }

  const chorus = servers[0]
  if (runs('c') || runs('e')) seed = await captureSeed(chorus)
  if (runs('d')) {
    log('(d) cold open')
    results.coldOpen = await coldOpen(chorus, { ...plan.d, unloadWaitMs: 10_000 })
  }
  if (runs('e')) {
    for (const s of [chorus, servers[2]]) {
      log(`(e) bytes per keystrokes: ${s.name}`)
      results.bytes[s.name] = await bytesPerKeystrokes(s, plan.e, seed)
    }
    results.bytes['@y/websocket-server'] = { bytesPer1000Keystrokes: null, note: 'in-memory, writes nothing' }
  }
} finally {
  for (const s of servers) await s.stop()
}

// (c) in fresh processes per size and server; one idle wait for all of them.
const memServers = []
try {
  const states = []
  for (const size of runs('c') ? plan.c : []) {
    for (const [name, start] of SERVERS) {
      const s = await start()
      memServers.push(s)
      log(`(c) memory ${size.reports} × ${size.pages} pages: ${name}`)
      states.push({ key: `${size.reports}x${size.pages}p`, name, state: await memoryOpen(s, size, seed) })
    }
  }
  for (const { state } of states) memoryLeave(state)
  if (states.length) log(`(c) waiting ${plan.idleMs / 1000} s after the last client left`)
  if (states.length) await new Promise(r => setTimeout(r, plan.idleMs))
  for (const { key, name, state } of states) (results.memory[key] ??= {})[name] = await memoryAfterLeave(state)
} finally {
  for (const s of memServers) await s.stop()
}

// ---- report ----
const ref = '@y/websocket-server'
const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y !== 0 ? x / y : Number.NaN)
const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(d))
const names = SERVERS.map(([n]) => n)
const fanoutNames = BASELINE ? [...names, BASELINE] : names
const lines = []
results.loadAtEnd = loadavg()[0]
lines.push(`## Sync benchmark${quick ? ' (--quick)' : ''}${only ? ` (only ${results.only})` : ''} — ${results.startedAt}, Node ${process.version}`, '')
lines.push(`Machine load (1-min average) at start ${f(results.loadAtStart, 2)}, at end ${f(results.loadAtEnd, 2)}${results.loadAtStart > 1 || results.loadAtEnd > 1 ? ' — not a quiet machine: read the ratios, not the times' : ''}.`, '')
if (runs('a')) {
  lines.push(`### (a) ${plan.a.clients} clients × ${plan.a.updates} updates at ${plan.a.hz} Hz (median of ${plan.runs})`, '')
  lines.push('| server | p50 ms | p99 ms | server CPU ms | CPU % | delivered | lost | p99 ÷ y-ws |', '|---|---|---|---|---|---|---|---|')
  for (const n of fanoutNames) {
    const r = results.fanoutA[n]
    lines.push(`| ${n} | ${f(r.p50Ms, 2)} | ${f(r.p99Ms, 2)} | ${f(r.serverCpuMs, 0)} | ${f(r.serverCpuPct)} | ${r.delivered} | ${r.lost} | ${f(ratio(r.p99Ms, results.fanoutA[ref].p99Ms), 2)} |`)
  }
}
if (runs('b')) {
  lines.push('', `### (b) ${plan.b.clients} clients × ${plan.b.updates} updates at ${plan.b.hz} Hz (median of ${plan.runs})`, '')
  lines.push('| server | CPU µs / delivered msg | drain ms | delivered | lost | p50 ms | p99 ms | CPU/msg ÷ y-ws |', '|---|---|---|---|---|---|---|---|')
  for (const n of fanoutNames) {
    const r = results.fanoutB[n]
    lines.push(`| ${n} | ${f(r.cpuPerDeliveredUs, 2)} | ${f(r.drainMs, 0)} | ${r.delivered} | ${r.lost} | ${f(r.p50Ms, 2)} | ${f(r.p99Ms, 2)} | ${f(ratio(r.cpuPerDeliveredUs, results.fanoutB[ref].cpuPerDeliveredUs), 2)} |`)
  }
}
if (runs('f')) {
  lines.push('', `### (f) capacity sweep: each typist one keystroke every ${1000 / plan.f.hz} ms for ${(plan.f.updates / plan.f.hz).toFixed(0)} s (one run)`, '')
  lines.push('| typists | server | p50 ms | p99 ms | server CPU % | delivered | lost | p99 ÷ y-ws |', '|---|---|---|---|---|---|---|---|')
  for (const [size, byServer] of Object.entries(results.sweep)) {
    for (const n of fanoutNames) {
      const r = byServer[n]
      lines.push(`| ${size} | ${n} | ${f(r.p50Ms, 2)} | ${f(r.p99Ms, 2)} | ${f(r.serverCpuPct)} | ${r.delivered} | ${r.lost} | ${f(ratio(r.p99Ms, byServer[ref].p99Ms), 2)} |`)
    }
  }
}
if (runs('c')) {
  lines.push('', `### (c) memory per open document (after a full GC; heap = JS objects without compiled code; "after leave" = ${plan.idleMs / 1000} s after all clients left)`, '')
  lines.push('| documents | server | RSS KiB / doc | heap KiB / doc | RSS ÷ y-ws | heap ÷ y-ws | after leave: RSS % | after leave: heap % |', '|---|---|---|---|---|---|---|---|')
  for (const [size, byServer] of Object.entries(results.memory)) {
    for (const n of names) {
      const r = byServer[n]
      const y = byServer[ref]
      lines.push(`| ${size} | ${n} | ${f(r.rssPerReportBytes / 1024, 0)} | ${f(r.heapPerReportBytes / 1024, 0)} | ${f(ratio(r.rssPerReportBytes, y.rssPerReportBytes), 2)} | ${f(ratio(r.heapPerReportBytes, y.heapPerReportBytes), 2)} | ${f(100 * r.rssAfterLeaveFraction)} | ${f(100 * r.heapAfterLeaveFraction)} |`)
    }
  }
}
if (runs('d')) {
  lines.push('', '### (d) cold open (Chorus)', '', `${plan.d.pages}-page report stored as snapshot + ${plan.d.updates} updates: **${f(results.coldOpen.coldOpenMs)} ms** from connect to synced (samples: ${results.coldOpen.samples.map(x => f(x)).join(', ')})`)
}
if (runs('e')) {
  lines.push('', `### (e) bytes written per 1,000 keystrokes (${plan.e.pages}-page document, ${plan.e.hz} Hz)`, '')
  lines.push('| server | bytes / 1,000 keystrokes | ÷ Hocuspocus |', '|---|---|---|')
  for (const n of names) {
    const r = results.bytes[n]
    lines.push(`| ${n} | ${f(r.bytesPer1000Keystrokes, 0)} | ${f(ratio(r.bytesPer1000Keystrokes, results.bytes['@hocuspocus/server'].bytesPer1000Keystrokes), 3)} |`)
  }
}
const c = 'Chorus'
results.targets = {
  ...(runs('b') ? { 'CPU per delivered message ≤ 0.8× y-ws (b)': ratio(results.fanoutB[c].cpuPerDeliveredUs, results.fanoutB[ref].cpuPerDeliveredUs) <= 0.8 } : {}),
  ...(runs('a') ? { 'p99 ≤ 1.0× y-ws (a)': ratio(results.fanoutA[c].p99Ms, results.fanoutA[ref].p99Ms) <= 1.0 } : {}),
  ...Object.fromEntries(Object.entries(results.sweep).map(([size, m]) => [`fan-out p99 at ${size} typists ≤ 2× y-ws (f)`, ratio(m[c].p99Ms, m[ref].p99Ms) <= 2])),
  ...(runs('c')
    ? {
        'memory per report ≤ 1.05× y-ws (c, heap objects, all sizes)': Object.values(results.memory).every(m => ratio(m[c].heapPerReportBytes, m[ref].heapPerReportBytes) <= 1.05),
        'memory per report ≤ 1.05× y-ws (c, RSS, all sizes)': Object.values(results.memory).every(m => ratio(m[c].rssPerReportBytes, m[ref].rssPerReportBytes) <= 1.05),
        'idle reports < 5% (heap) 30 s after leave (c)': Object.values(results.memory).every(m => m[c].heapAfterLeaveFraction < 0.05),
      }
    : {}),
  ...(runs('d') ? { 'cold open ≤ 80 ms (d)': results.coldOpen.coldOpenMs <= 80 } : {}),
  ...(runs('e') ? { 'bytes written ≤ 0.1× Hocuspocus (e)': ratio(results.bytes[c].bytesPer1000Keystrokes, results.bytes['@hocuspocus/server'].bytesPer1000Keystrokes) <= 0.1 } : {}),
}
if (BASELINE && (runs('a') || runs('b'))) {
  const cpuB = runs('b') ? ratio(results.fanoutB[c].cpuPerDeliveredUs, results.fanoutB[BASELINE].cpuPerDeliveredUs) : Number.NaN
  results.baseline = { ref: baselineRef, sha: baseline.sha, cpuPerDeliveredRatioB: cpuB, serverCpuRatioA: runs('a') ? ratio(results.fanoutA[c].serverCpuMs, results.fanoutA[BASELINE].serverCpuMs) : Number.NaN }
  lines.push('', `### This build against ${BASELINE} (${baselineRef}), same run`, '')
  lines.push(`(b) CPU per delivered message: **${f(cpuB, 3)}×**; (a) server CPU: ${f(results.baseline.serverCpuRatioA, 3)}×`)
  if (runs('b')) results.targets[`CPU per delivered message ≤ 1.05× ${BASELINE} (b)`] = cpuB <= 1.05
}
lines.push('', '### Targets', '', '| target | met |', '|---|---|')
for (const [t, ok] of Object.entries(results.targets)) lines.push(`| ${t} | ${ok ? 'yes' : '**no**'} |`)
lines.push('', `Run time: ${((Date.now() - started) / 1000).toFixed(0)} s. Persistence: Chorus SQLite (DATA_DIR in /tmp); @y/websocket-server in-memory; Hocuspocus in-memory, store hook counting only.`)
console.log(lines.join('\n'))
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results', only ? 'sync-only.json' : quick ? 'sync-quick.json' : 'sync.json'), JSON.stringify(results, null, 2))
