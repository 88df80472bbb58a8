#!/usr/bin/env node
/**
 * DOCX export benchmark: a ~100-page report (~1,000 blocks, 20 tables, 300 footnotes) exported by
 * Chorus (Y.Doc → ExportInput → docx) and the same content as HTML converted by Debian's pandoc
 * (HTML → DOCX), median of 5 warm runs each, plus the longest event-loop block during a Chorus
 * export. Prints a markdown table and writes bench/results/export.json.
 *
 * Run: `npx node bench/export.mjs` (or `npm run bench:export`). Flags: --runs=N, --no-pdf, --quick
 * (3 runs, no laid-out-TOC row, no page count; writes bench/results/export-quick.json).
 * The TypeScript sources are bundled with esbuild into node_modules/.cache at start
 * (bench/lib/exportBundle.mjs), because plain Node cannot resolve `#shared/...` or extensionless imports.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { loadExportLibrary } from './lib/exportBundle.mjs'
import { exportHtml } from './lib/exportHtml.mjs'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const args = new Set(process.argv.slice(2))
const QUICK = args.has('--quick')
const RUNS = Number([...args].find(a => a.startsWith('--runs='))?.slice(7) ?? (QUICK ? 3 : 5))
const TARGET_RATIO = 0.15
const TARGET_BLOCK_MS = 50

const loadAtStart = loadavg().map(l => round(l, 2))
const lib = await loadExportLibrary()
const work = mkdtempSync(join(tmpdir(), 'chorus-bench-export-'))
try {
  const input = lib.largeReport()
  const ydoc = lib.reportYDoc(input)
  const shape = describe(input)
  const htmlFile = join(work, 'report.html')
  writeFileSync(htmlFile, exportHtml(input))

  const chorus = await measureChorus(lib, ydoc, { tocPageNumbers: 'auto' })
  // The same probe with nothing running, as long as one export: what the machine alone causes.
  const baselineBlock = await probeIdle(chorus.median)
  const chorusExact = QUICK ? null : await measureChorus(lib, ydoc, { tocPageNumbers: true })
  const pandoc = await measure(async () => {
    await run('pandoc', ['-f', 'html', '-t', 'docx', '--toc', '-o', join(work, 'pandoc.docx'), htmlFile])
  })
  writeFileSync(join(work, 'chorus.docx'), chorus.buffer)
  const pages = args.has('--no-pdf') || QUICK ? null : await pageCount(join(work, 'chorus.docx'), work)

  const results = {
    quick: QUICK,
    date: new Date().toISOString(),
    node: process.version,
    // Timings on a busy machine are noisy (the event-loop probe also sees the OS descheduling us).
    machine: { cpus: availableParallelism(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map(l => round(l, 2)) },
    pandoc: (await run('pandoc', ['--version'])).stdout.split('\n')[0],
    runs: RUNS,
    report: { ...shape, pages, docxBytes: chorus.buffer.length },
    chorusMs: chorus.median,
    chorusExactTocMs: chorusExact?.median ?? null,
    pandocMs: pandoc.median,
    ratio: round(chorus.median / pandoc.median, 3),
    ratioExactToc: chorusExact ? round(chorusExact.median / pandoc.median, 3) : null,
    maxEventLoopBlockMs: chorus.maxBlock,
    idleBaselineMaxBlockMs: baselineBlock,
    maxEventLoopBlockExactTocMs: chorusExact?.maxBlock ?? null,
    targets: { ratio: TARGET_RATIO, maxEventLoopBlockMs: TARGET_BLOCK_MS },
    samples: { chorus: chorus.samples, chorusExactToc: chorusExact?.samples ?? null, pandoc: pandoc.samples },
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results', QUICK ? 'export-quick.json' : 'export.json'), JSON.stringify(results, null, 2) + '\n')
  printTable(results)
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** Median wall time of RUNS warm runs of a Chorus export, and the longest event-loop block seen. */
async function measureChorus(lib, ydoc, options) {
  let buffer
  let maxBlock = 0
  const result = await measure(async (measured) => {
    const histogram = monitorEventLoopDelay({ resolution: 1 })
    let last = performance.now()
    let gap = 0
    const probe = setInterval(() => {
      const now = performance.now()
      gap = Math.max(gap, now - last)
      last = now
    }, 1)
    histogram.enable()
    const exportInput = await lib.reportExportInputAsync(ydoc)
    buffer = (await lib.exportDocx(exportInput, options)).buffer
    histogram.disable()
    clearInterval(probe)
    // The probe fires every 1 ms when the loop is free: a gap is how long the loop was blocked.
    if (measured) maxBlock = Math.max(maxBlock, gap, histogram.max / 1e6)
  })
  return { ...result, buffer, maxBlock: round(maxBlock, 1) }
}

/** The longest gap between 1 ms timer ticks over `ms` milliseconds (5 windows) with no work queued. */
async function probeIdle(ms) {
  let max = 0
  for (let i = 0; i < RUNS; i++) {
    let last = performance.now()
    const probe = setInterval(() => {
      const now = performance.now()
      max = Math.max(max, now - last)
      last = now
    }, 1)
    await new Promise(resolve => setTimeout(resolve, ms))
    clearInterval(probe)
  }
  return round(max, 1)
}

/** Three warm-up runs (JIT, the packing worker's start), then RUNS timed runs; the median in ms. */
async function measure(fn) {
  for (let i = 0; i < 3; i++) await fn(false)
  const samples = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn(true)
    samples.push(round(performance.now() - t0, 1))
  }
  const sorted = [...samples].sort((a, b) => a - b)
  return { samples, median: sorted[Math.floor(sorted.length / 2)] }
}

function describe(input) {
  let blocks = 0
  let tables = 0
  let footnotes = 0
  for (const s of input.sections) {
    for (const b of s.content.content ?? []) {
      if (b.type === 'footnotes') footnotes += b.content.length
      else blocks++
      if (b.type === 'table') tables++
    }
  }
  return { sections: input.sections.length, blocks, tables, footnotes }
}

async function pageCount(docx, dir) {
  try {
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 })
    const info = (await run('pdfinfo', [join(dir, 'chorus.pdf')])).stdout
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  } catch {
    return null
  }
}

function round(n, digits) {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function printTable(r) {
  const ok = (pass) => (pass ? 'yes' : '**no**')
  console.log(`\nmachine: ${r.machine.cpus} CPUs, load average ${r.machine.loadAverageAtStart.join(' ')} at start, ${r.machine.loadAverageAtEnd.join(' ')} at end`)
  console.log(`DOCX export benchmark — ${r.report.sections} sections, ${r.report.blocks} blocks, ${r.report.tables} tables, ${r.report.footnotes} footnotes${r.report.pages ? `, ${r.report.pages} pages` : ''}; median of ${r.runs} warm runs; ${r.node}, ${r.pandoc}\n`)
  console.log('| exporter | median ms | × pandoc | target | met | max event-loop block ms (target ≤ 50) |')
  console.log('|---|---:|---:|---:|---|---:|')
  console.log(`| Chorus (default: TOC entries, page numbers left to Word for long reports) | ${r.chorusMs} | ${r.ratio} | ≤ ${r.targets.ratio} | ${ok(r.ratio <= r.targets.ratio)} | ${r.maxEventLoopBlockMs} ${ok(r.maxEventLoopBlockMs <= r.targets.maxEventLoopBlockMs)} |`)
  if (r.chorusExactTocMs !== null) console.log(`| Chorus, TOC page numbers laid out (tocPageNumbers: true) | ${r.chorusExactTocMs} | ${r.ratioExactToc} | – | – | ${r.maxEventLoopBlockExactTocMs} |`)
  console.log(`| pandoc HTML → DOCX | ${r.pandocMs} | 1 | – | – | – |`)
  console.log(`| (idle baseline: the same probe, no export running) | – | – | – | – | ${r.idleBaselineMaxBlockMs} |`)
  console.log(`\nwritten to bench/results/${r.quick ? 'export-quick.json' : 'export.json'}`)
}
