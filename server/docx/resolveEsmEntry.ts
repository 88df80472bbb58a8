/**
 * The file URL of a package's ESM entry, found from this module's location: in the source tree
 * that is the project's node_modules, after `nuxt build` it is .output/server/node_modules (where
 * Nitro copied the traced files). `import.meta.resolve` cannot be used: Nitro's bundle replaces
 * `import.meta` with an object that has only `url`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type ExportTarget = string | { import?: ExportTarget, default?: ExportTarget, node?: ExportTarget }

function pick(target: ExportTarget | undefined): string | undefined {
  if (!target || typeof target === 'string') return target
  return pick(target.import) ?? pick(target.node) ?? pick(target.default)
}

/** `resolveEsmEntry('docx')`, `resolveEsmEntry('docx/layout')`, `resolveEsmEntry('mammoth')`. */
export function resolveEsmEntry(specifier: string): string {
  const [name, ...rest] = specifier.split('/')
  const subpath = rest.length ? `./${rest.join('/')}` : '.'
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pkgDir = join(dir, 'node_modules', name!)
    if (existsSync(join(pkgDir, 'package.json'))) {
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports?: Record<string, ExportTarget> | ExportTarget, main?: string, module?: string }
      const exportsMap = pkg.exports && typeof pkg.exports === 'object' && '.' in pkg.exports ? pkg.exports as Record<string, ExportTarget> : { '.': pkg.exports as ExportTarget }
      const file = pick(exportsMap[subpath]) ?? (subpath === '.' ? pkg.module ?? pkg.main ?? 'index.js' : undefined)
      if (!file) throw new Error(`${specifier}: no such export`)
      return pathToFileURL(join(pkgDir, file)).href
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`${specifier}: package not found`)
    dir = parent
  }
}
