#!/usr/bin/env node
/**
 * The first export after the server starts against the ones after it: exports the sample report
 * (Y.Doc → ExportInput → .docx, TOC laid out, as the route does) four times in a fresh process
 * and prints each time. With --warm, the process first runs the warm-up the server runs at start
 * (server/plugins/docxWarmUp.ts → warmUpExport) and waits for it, as a server does before its first
 * request arrives. Target: the first export no slower than 2× the later ones.
 *
 * With --served, the same against the built server (NUXT_OUTPUT_DIR or .output): a fresh server
 * per run, the Cluster V fixture imported into a report, then GET …/export.docx four times, the
 * first 5 s after start (the server's own warm-up on, or off with CHORUS_DOCX_WARMUP=0 unless --warm).
 *
 * Run: `npx node bench/first-export.mjs [--warm] [--served]`.
 */
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const warm = process.argv.includes('--warm')
if (process.argv.includes('--served')) {
  await served()
  process.exit(0)
}
const outfile = join(root, 'node_modules/.cache/chorus-bench/first-export-lib.mjs')
await build({
  stdin: {
    contents: `export { exportDocx } from './server/docx/export/exportDocx'
export { warmUpExport } from './server/docx/export/warmUp'
export { reportExportInputAsync } from './server/docx/fromYDoc'
export { reportYDoc, sampleReport } from './tests/fixtures-gen/sampleReport'`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'error',
  plugins: [{ name: 'shared-alias', setup(b) { b.onResolve({ filter: /^#shared\// }, a => b.resolve(`./shared/${a.path.slice(8)}`, { resolveDir: root, kind: a.kind })) } }],
})
const started = performance.now()
const lib = await import(pathToFileURL(outfile).href)
const doc = lib.reportYDoc(lib.sampleReport())
let warmMs = null
if (warm) {
  const t = performance.now()
  await lib.warmUpExport()
  warmMs = Math.round(performance.now() - t)
}
const times = []
for (let i = 0; i < 4; i++) {
  const t = performance.now()
  const input = await lib.reportExportInputAsync(doc)
  await lib.exportDocx(input, { tocPageNumbers: 'auto' })
  times.push(Math.round(performance.now() - t))
}
const later = times.slice(1).sort((a, b) => a - b)[1]
console.log(JSON.stringify({ warm, warmUpMs: warmMs, exportsMs: times, firstOverLater: Math.round((times[0] / later) * 100) / 100, sinceLoadMs: Math.round(performance.now() - started) }))
process.exit(0)

async function served() {
  const { readFileSync } = await import('node:fs')
  const { startChorus } = await import('./lib/syncServers.mjs')
  const server = await startChorus({ CHORUS_DOCX_WARMUP: warm ? '1' : '0' })
  try {
    const started = performance.now()
    const { docName: id } = await server.newDoc()
    const cookie = server.adminHeaders.Cookie
    const report = await (await fetch(`${server.base}/api/reports/${id}`, { headers: { cookie } })).json()
    const form = new FormData()
    form.append('file', new Blob([readFileSync(join(root, '../shared/fixtures/cluster-v-draft.docx'))]), 'draft.docx')
    const imported = await fetch(`${server.base}/api/reports/${id}/sections/${report.sections[0].id}/import`, { method: 'POST', body: form, headers: { cookie, origin: server.base } })
    if (!imported.ok) throw new Error(`import: HTTP ${imported.status} ${await imported.text()}`)
    await new Promise(r => setTimeout(r, Math.max(0, 5000 - (performance.now() - started))))
    const times = []
    for (let i = 0; i < 4; i++) {
      const t = performance.now()
      await server.download(`/api/reports/${id}/export.docx`)
      times.push(Math.round(performance.now() - t))
    }
    const later = times.slice(1).sort((a, b) => a - b)[1]
    console.log(JSON.stringify({ served: true, warm, exportsMs: times, firstOverLater: Math.round((times[0] / later) * 100) / 100 }))
  } finally {
    await server.stop()
  }
}
