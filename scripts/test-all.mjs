/**
 * `npm test`: every check and test layer, then one closing line `N passed, N failed`.
 * Order: lint and the type check start in the background while the build and then Vitest (unit +
 * integration, real server and databases) run; both are awaited before Playwright (real
 * Chromium), whose timings they would disturb. Lint and typecheck count as one check each, their
 * output printed once they end. The type check reads .nuxt/ while the build writes its own
 * .nuxt-build/, so the two never share files. On CI's two cores this overlap saves about three
 * minutes: lint and the type check are single-threaded and the integration tests wait on I/O.
 * Integration tests use PostgreSQL and Redis at their default local addresses unless
 * TEST_DATABASE_URL / TEST_REDIS_URL say otherwise.
 */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildIfStale } from './buildIfStale.mjs'

const root = resolve(import.meta.dirname, '..')
process.chdir(root)
const env = {
  ...process.env,
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  TEST_REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
}
const only = process.argv.slice(2)
const want = layer => !only.length || only.includes(layer)
let passed = 0
let failed = 0
const notes = []

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`)
  const result = spawnSync(cmd, args, { stdio: 'inherit', env })
  return result.status === 0
}

function check(label, ok) {
  if (ok) passed++
  else {
    failed++
    notes.push(`${label} failed`)
  }
}

/** Run a command with its output on this terminal, without blocking the background checks' bookkeeping. */
function runAsync(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`)
  const child = spawn(cmd, args, { stdio: 'inherit', env })
  return new Promise(resolve => child.on('exit', code => resolve(code === 0)).on('error', () => resolve(false)))
}

/** Start a command with its output in `logFile`; resolves with whether it succeeded. */
function start(label, cmd, args, logFile) {
  console.log(`\n▶ ${label} (in the background, output below when it ends): ${cmd} ${args.join(' ')}`)
  const fd = openSync(logFile, 'w')
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env })
  closeSync(fd)
  return new Promise(resolve => child.on('exit', code => resolve(code === 0)).on('error', () => resolve(false)))
}

mkdirSync('test-results', { recursive: true })
const background = [
  want('lint') && { label: 'lint', log: 'test-results/lint.log', done: start('lint', 'npx', ['eslint', '.'], 'test-results/lint.log') },
  want('typecheck') && { label: 'typecheck', log: 'test-results/typecheck.log', done: start('typecheck', 'npx', ['nuxt', 'typecheck'], 'test-results/typecheck.log') },
].filter(Boolean)

/** Wait for the background checks and count them, printing their output. */
async function finishBackground() {
  for (const { label, log, done } of background.splice(0)) {
    const ok = await done
    console.log(`\n▶ ${label}: ${ok ? 'passed' : 'FAILED'}`)
    process.stdout.write(readFileSync(log, 'utf8'))
    check(label, ok)
  }
}

if (want('unit') || want('integration') || want('e2e')) {
  process.env.NUXT_BUILD_DIR ??= '.nuxt-build'
  buildIfStale(root)
}

if (want('unit') || want('integration')) {
  const file = 'test-results/vitest.json'
  rmSync(file, { force: true })
  const projects = ['unit', 'integration'].filter(want).flatMap(p => ['--project', p])
  await runAsync('vitest', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${file}`])
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    // A file that failed to load (syntax error, failed setup) has no failed test but must fail the run.
    const brokenFiles = report.testResults.filter(f => f.status === 'failed' && !f.assertionResults.some(a => a.status === 'failed')).length
    if (brokenFiles) {
      failed += brokenFiles
      notes.push(`${brokenFiles} Vitest file(s) failed outside a test`)
    }
  } else {
    failed++
    notes.push('Vitest produced no report')
  }
}

await finishBackground()

if (want('e2e')) {
  const file = 'test-results/e2e.json'
  rmSync(file, { force: true })
  run('playwright', 'npx', ['playwright', 'test'])
  if (existsSync(file)) {
    const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'))
    passed += stats.expected + stats.flaky
    failed += stats.unexpected
    if (errors?.length) {
      failed += errors.length
      notes.push(`${errors.length} Playwright error(s) outside a test`)
    }
  } else {
    failed++
    notes.push('Playwright produced no report')
  }
}

for (const n of notes) console.log(`! ${n}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
