#!/usr/bin/env node
/**
 * The functions a .cpuprofile (bench/editor.mjs --profile) spent its time in: self time and total
 * (inclusive) time per function, the top N of each. Usage: npx node bench/lib/profileSummary.mjs <file> [N]
 */
import { readFileSync } from 'node:fs'

const [file, n = '25'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map(node => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id)
const dt = new Map()
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
const name = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`
const self = new Map()
const total = new Map()
for (const [id, ms] of dt) {
  const key = name(byId.get(id))
  self.set(key, (self.get(key) ?? 0) + ms)
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at))
    if (seen.has(k)) continue
    seen.add(k)
    total.set(k, (total.get(k) ?? 0) + ms)
  }
}
const all = [...dt.values()].reduce((a, b) => a + b, 0)
const top = (m, title) => {
  console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`)
  for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`)
}
top(self, 'self time')
top(total, 'total time')
