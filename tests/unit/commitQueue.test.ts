/**
 * The room's group commit (server/collab/commitQueue.ts): when a room is judged busy — by the
 * frames it would send, updates a second × connections — and what that changes: a quiet room
 * commits each update at once, a busy one paces its commits `busyCommitIntervalMs` apart and
 * gathers what arrives meanwhile into one commit. Default settings (17,500 frames/s, 8 ms).
 */
import { describe, expect, it } from 'vitest'
import { CommitQueue } from '../../server/collab/commitQueue'
import { collabConfig } from '../../server/collab/config'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const update = (n: number) => new Uint8Array([n])

function queue(connections: number) {
  const commits: number[][] = []
  const q = new CommitQueue<string>(async (updates) => {
    commits.push(updates.map(u => u[0]!))
  }, (error) => {
    throw error
  }, () => connections)
  return { q, commits }
}

/** 150 updates at once: hundreds of updates a second to the rate estimate. */
function burst(q: CommitQueue<string>) {
  for (let i = 0; i < 150; i++) q.add(update(i), 'a')
}

describe('commit queue', () => {
  it('uses the default thresholds', () => {
    expect(collabConfig.busyFramesPerSecond).toBe(17_500)
    expect(collabConfig.busyCommitIntervalMs).toBe(8)
  })

  it('a room with few connections commits every update at once, however fast they come', async () => {
    const { q, commits } = queue(2)
    burst(q)
    await q.whenCommitted()
    expect(commits).toHaveLength(1) // everything of one tick goes into one commit
    q.add(update(200), 'a')
    await Promise.resolve()
    await Promise.resolve()
    expect(commits).toHaveLength(2)
    expect(commits[1]).toEqual([200])
  })

  it('a room whose unpaced broadcast would send more frames than the threshold paces its commits', async () => {
    const { q, commits } = queue(100) // ≥ 300 updates/s × 100 connections ≥ 30,000 frames/s
    burst(q)
    await q.whenCommitted()
    expect(commits).toHaveLength(1)
    const started = performance.now()
    q.add(update(200), 'a')
    q.add(update(201), 'b')
    await sleep(1)
    expect(commits).toHaveLength(1) // waiting for the pace
    await q.whenCommitted()
    expect(performance.now() - started).toBeGreaterThanOrEqual(collabConfig.busyCommitIntervalMs - 2)
    expect(commits).toHaveLength(2)
    expect(commits[1]).toEqual([200, 201]) // one commit, one frame for both
  })

  it('a quiet update after a pause is committed at once even in a big room', async () => {
    const { q, commits } = queue(100)
    q.add(update(1), 'a')
    await q.whenCommitted()
    q.add(update(2), 'a')
    await Promise.resolve()
    await Promise.resolve()
    expect(commits).toEqual([[1], [2]])
  })
})
