/**
 * @y/websocket-server 0.1.1 for the sync benchmark, set up as its own bin (src/server.js) does:
 * one `ws` server, `setupWSConnection` per socket, documents in memory (YPERSISTENCE unset).
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { answerStats } from './syncPeerIpc.mjs'

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, ws => wss.emit('connection', ws, req)))
answerStats(() => ({ bytesWritten: null }))
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ ready: true }))
