/**
 * esbuild bundles for bench/editor.mjs, written to node_modules/.cache/chorus-bench (no network):
 * the Node side (bench/lib/editorBenchEntry.ts: schema, writer, report bodies; packages external,
 * `#shared/...` resolved as in exportBundle.mjs) and the plain editor's browser script
 * (bench/lib/plainEditorPage.js with @tiptap/core, starter-kit and tables from node_modules).
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cache = join(root, 'node_modules/.cache/chorus-bench')
const sharedAlias = {
  name: 'shared-alias',
  setup(b) {
    b.onResolve({ filter: /^#shared\// }, a => b.resolve(`./shared/${a.path.slice('#shared/'.length)}`, { resolveDir: root, kind: a.kind }))
  },
}

/** The bundled module of editorBenchEntry.ts. */
export async function loadEditorLibrary() {
  const outfile = join(cache, 'editor-lib.mjs')
  await build({ entryPoints: [join(root, 'bench/lib/editorBenchEntry.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'error', plugins: [sharedAlias] })
  return import(pathToFileURL(outfile).href)
}

/** The plain editor's browser script, as text. */
export async function plainEditorScript() {
  const r = await build({ entryPoints: [join(root, 'bench/lib/plainEditorPage.js')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'chrome120', minify: true, logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } })
  return r.outputFiles[0].text
}
