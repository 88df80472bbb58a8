/**
 * @hocuspocus/server 4.7 for the sync benchmark: the defaults (in-memory documents, debounce
 * 2 s / max 10 s, unload on last disconnect) plus an onStoreDocument hook that only adds up the
 * size of the state it would store (Y.encodeStateAsUpdate of the document, what its Database
 * and SQLite extensions write), since no storage extension is installed.
 */
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'
import { answerStats } from './syncPeerIpc.mjs'

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
answerStats(() => ({ bytesWritten, stores }))
process.send({ ready: true })
