/**
 * `npm test`: every check and test layer, then one closing line `N passed, N failed`.
 * Order: lint → typecheck and the build side by side → Vitest (unit + integration, real server and
 * databases) → Playwright (real Chromium). Lint and typecheck count as one check each. The type
 * check reads .nuxt/ while the build writes its own .nuxt-build/, so the two never share files;
 * the type check's output is printed once it ends.
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

/** Start a command with its output in `logFile`; resolves with whether it succeeded. */
function start(label, cmd, args, logFile) {
  console.log(`\n▶ ${label} (beside the build, output below when it ends): ${cmd} ${args.join(' ')}`)
  const fd = openSync(logFile, 'w')
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env })
  closeSync(fd)
  return new Promise(resolve => child.on('exit', code => resolve(code === 0)).on('error', () => resolve(false)))
}

mkdirSync('test-results', { recursive: true })
if (want('lint')) check('lint', run('lint', 'npx', ['eslint', '.']))
const typecheckLog = 'test-results/typecheck.log'
const typecheck = want('typecheck') ? start('typecheck', 'npx', ['nuxt', 'typecheck'], typecheckLog) : null
if (want('unit') || want('integration') || want('e2e')) {
  process.env.NUXT_BUILD_DIR ??= '.nuxt-build'
  buildIfStale(root)
}
if (typecheck) {
  const ok = await typecheck
  console.log(`\n▶ typecheck: ${ok ? 'passed' : 'FAILED'}`)
  process.stdout.write(readFileSync(typecheckLog, 'utf8'))
  check('typecheck', ok)
}

if (want('unit') || want('integration')) {
  const file = 'test-results/vitest.json'
  rmSync(file, { force: true })
  const projects = ['unit', 'integration'].filter(want).flatMap(p => ['--project', p])
  run('vitest', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${file}`])
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
