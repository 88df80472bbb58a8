/**
 * `npm run bench`: every benchmark in turn (sync hub vs @y/websocket-server and Hocuspocus, DOCX
 * export vs pandoc, the editor in Chromium vs a plain Tiptap editor). Each prints its own ratio table and writes bench/results/<name>.json.
 * Extra arguments (e.g. --quick) are passed through.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const here = import.meta.dirname
let failed = 0
for (const script of ['sync.mjs', 'export.mjs', 'editor.mjs']) {
  console.log(`\n=== bench/${script} ===`)
  const r = spawnSync(process.execPath, [resolve(here, script), ...process.argv.slice(2)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
