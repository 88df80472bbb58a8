/**
 * `npm run fuzz -- --runs 1000000 [--seed N]`: the guard's differential fuzzer
 * (tests/unit/guardFuzz.test.ts) for a long run. CI runs the same test with 10,000 cases.
 * A failure prints fast-check's seed and the shrunk case: keep it as a test in
 * tests/unit/guardPlacement.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const args = process.argv.slice(2)
const value = (flag) => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1] : undefined
}
const runs = value('--runs') ?? '100000'
const seed = value('--seed')
if (!/^\d+$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N]')
  process.exit(2)
}
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed ? { FUZZ_SEED: seed } : {}) }
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/guardFuzz.test.ts'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit', env })
process.exit(result.status ?? 1)
