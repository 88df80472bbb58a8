/**
 * @hocuspocus/server 4.7 for the sync benchmark: the defaults (in-memory documents, debounce
 * 2 s / max 10 s, unload on last disconnect) plus an onStoreDocument hook that only adds up the
 * size of the state it would store (Y.encodeStateAsUpdate of the document, what its Database
 * and SQLite extensions write), since no storage extension is installed.
 */
import { getHeapSpaceStatistics } from 'node:v8'
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'

let bytesWritten = 0
let stores = 0
const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  async onStoreDocument({ document }) {
    bytesWritten += Y.encodeStateAsUpdate(document).byteLength
    stores++
  },
})
await server.listen()
process.on('SIGTERM', () => process.exit(0))
process.on('message', (m) => {
  if (m === 'stats' || m === 'stats-gc') {
    if (m === 'stats-gc') globalThis.gc?.()
    const { rss, heapUsed, heapTotal } = process.memoryUsage()
    const heapObjects = getHeapSpaceStatistics().filter(s => !/code|trusted|read_only/.test(s.space_name)).reduce((n, s) => n + s.space_used_size, 0)
    process.send({ stats: { bytesWritten, stores, rss, heapUsed, heapTotal, heapObjects } })
  }
})
process.send({ ready: true })
