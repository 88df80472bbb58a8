/**
 * `npm start`: build if needed, then run the production server on PORT (3000) with the embedded
 * SQLite store in DATA_DIR (./data). Nothing else to install.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { buildIfStale } from './buildIfStale.mjs'

const root = resolve(import.meta.dirname, '..')
buildIfStale(root)
const port = process.env.PORT || '3000'
console.log(`[chorus] starting on http://localhost:${port} (data in ${process.env.DATA_DIR || './data'})`)
const child = spawn(process.execPath, [resolve(root, process.env.NUXT_OUTPUT_DIR || '.output', 'server/index.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NODE_ENV: 'production' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', code => process.exit(code ?? 0))
