/**
 * Build the app when the built server is missing or older than any source file, so `npm start`
 * and `npm test` work on a clean clone and stay fast on the second run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['pages', 'components', 'composables', 'layouts', 'middleware', 'plugins', 'stores', 'server', 'shared', 'templates', 'utils', 'assets', 'public', 'locales', 'app.vue', 'error.vue', 'app.config.ts', 'nuxt.config.ts', 'i18n.config.ts', 'package.json']

function newest(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

/** Build into `outputDir` (default .output) unless it is up to date; exits the process on a failed build. */
export function buildIfStale(root, outputDir = process.env.NUXT_OUTPUT_DIR || '.output') {
  const entry = join(root, outputDir, 'server/index.mjs')
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0
  const changed = Math.max(...SOURCES.map(s => newest(join(root, s))))
  if (built > changed && !process.env.FORCE_BUILD) return false
  console.log(built ? '[chorus] sources changed since the last build: building…' : '[chorus] first run: building the app (about a minute)…')
  const result = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error('[chorus] the build failed')
    process.exit(result.status ?? 1)
  }
  return true
}
