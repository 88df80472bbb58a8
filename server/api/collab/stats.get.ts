/**
 * Counters of the collaboration hub for benchmarks and operators: bytes the document store has
 * written, rooms loaded, open connections, memory, and the longest event-loop delay since the
 * previous `?reset=1` (measured from the first call on). Off (404) unless COLLAB_STATS=1; it
 * reveals no document, user or report. `?gc=1` runs a full GC first when Node was started with
 * --expose-gc.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import { getQuery } from 'h3'
import { hubStats } from '../../collab/hub'
import { useStore } from '../../store'

let loopDelay: ReturnType<typeof monitorEventLoopDelay> | null = null

export default defineEventHandler(async (event) => {
  if (process.env.COLLAB_STATS !== '1') throw createError({ statusCode: 404, message: 'Not found' })
  const query = getQuery(event)
  const gc = (globalThis as { gc?: () => void }).gc
  if (query.gc === '1' && gc) gc()
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 1 })
    loopDelay.enable()
  }
  const eventLoopMaxMs = loopDelay.count ? loopDelay.max / 1e6 : 0
  if (query.reset === '1') loopDelay.reset()
  const { docs } = await useStore()
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
  return { bytesWritten: docs.bytesWritten(), ...hubStats(), rss, heapUsed, heapTotal, heapObjects: heapObjectBytes(), external, arrayBuffers, eventLoopMaxMs }
})

/** JS heap used by objects: without compiled code and bytecode (code and trusted spaces). */
function heapObjectBytes(): number {
  return getHeapSpaceStatistics()
    .filter(s => !/code|trusted|read_only/.test(s.space_name))
    .reduce((n, s) => n + s.space_used_size, 0)
}
