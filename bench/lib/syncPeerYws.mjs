/**
 * @y/websocket-server 0.1.1 for the sync benchmark, set up as its own bin (src/server.js) does:
 * one `ws` server, `setupWSConnection` per socket, documents in memory (YPERSISTENCE unset).
 */
import http from 'node:http'
import { getHeapSpaceStatistics } from 'node:v8'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, ws => wss.emit('connection', ws, req)))
process.on('SIGTERM', () => process.exit(0))
process.on('message', (m) => {
  if (m === 'stats' || m === 'stats-gc') {
    if (m === 'stats-gc') globalThis.gc?.()
    const { rss, heapUsed, heapTotal } = process.memoryUsage()
    const heapObjects = getHeapSpaceStatistics().filter(s => !/code|trusted|read_only/.test(s.space_name)).reduce((n, s) => n + s.space_used_size, 0)
    process.send({ stats: { bytesWritten: null, rss, heapUsed, heapTotal, heapObjects } })
  }
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ ready: true }))
