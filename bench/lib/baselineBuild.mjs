/**
 * The Chorus of another commit, built beside this one, so a benchmark can run both in the same
 * run (`npm run bench:sync -- --baseline <git ref>`): the cost of a change measured against the
 * code before it, on the same machine at the same moment. The ref is checked out into a
 * temporary git worktree that shares this checkout's node_modules, built once into
 * `.output-baseline-<sha>` here, and reused while that folder exists.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The output folder of `ref`'s build (building it first when missing). */
export function baselineOutput(root, ref) {
  const sha = execFileSync('git', ['rev-parse', '--short=10', `${ref}^{commit}`], { cwd: root }).toString().trim()
  const out = join(root, `.output-baseline-${sha}`)
  if (existsSync(join(out, 'server/index.mjs'))) return { sha, out }
  const tree = join(tmpdir(), `chorus-baseline-${sha}`)
  rmSync(tree, { recursive: true, force: true })
  execFileSync('git', ['worktree', 'prune'], { cwd: root })
  execFileSync('git', ['worktree', 'add', '--detach', tree, sha], { cwd: root, stdio: 'ignore' })
  try {
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'))
    console.error(`[bench] building the baseline ${sha} (about two minutes)…`)
    const built = spawnSync('npx', ['nuxt', 'build'], { cwd: tree, stdio: 'inherit', env: { ...process.env, NUXT_OUTPUT_DIR: out, NUXT_BUILD_DIR: join(tree, '.nuxt') } })
    if (built.status !== 0) throw new Error(`the baseline ${sha} did not build`)
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root })
  }
  return { sha, out }
}
