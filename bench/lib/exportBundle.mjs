/**
 * Bundles bench/lib/exportBenchEntry.ts (and the TypeScript sources it imports) with esbuild into
 * node_modules/.cache, so plain Node scripts can use the exporter: Node 24 strips types, but cannot
 * resolve `#shared/...` or extensionless imports. Packages stay external (resolved from node_modules).
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The bundled module: { exportDocx, reportExportInput, largeReport, sampleReport, reportYDoc }. */
export async function loadExportLibrary() {
  const outfile = join(root, 'node_modules/.cache/chorus-bench/export-lib.mjs')
  await build({
    entryPoints: [join(root, 'bench/lib/exportBenchEntry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
    plugins: [{
      name: 'shared-alias',
      setup(b) {
        b.onResolve({ filter: /^#shared\// }, a => b.resolve(`./shared/${a.path.slice('#shared/'.length)}`, { resolveDir: root, kind: a.kind }))
      },
    }],
  })
  return import(pathToFileURL(outfile).href)
}

/** The project root (with a trailing slash). */
export const projectRoot = root
