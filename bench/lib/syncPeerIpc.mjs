/**
 * The parent side of a peer server's process (syncPeer*.mjs): exit on SIGTERM, and answer the
 * benchmark's 'stats' / 'stats-gc' messages with memory figures (as Chorus's /api/collab/stats
 * does: heap objects without compiled code) plus the peer's own counters.
 */
import { getHeapSpaceStatistics } from 'node:v8'

export function answerStats(counters) {
  process.on('SIGTERM', () => process.exit(0))
  process.on('message', (m) => {
    if (m !== 'stats' && m !== 'stats-gc') return
    if (m === 'stats-gc') globalThis.gc?.()
    const { rss, heapUsed, heapTotal } = process.memoryUsage()
    const heapObjects = getHeapSpaceStatistics().filter(s => !/code|trusted|read_only/.test(s.space_name)).reduce((n, s) => n + s.space_used_size, 0)
    process.send({ stats: { ...counters(), rss, heapUsed, heapTotal, heapObjects } })
  })
}
