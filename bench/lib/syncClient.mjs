/**
 * A lean collaboration client for the sync benchmark. It speaks the y-websocket protocol
 * (Chorus, @y/websocket-server) or Hocuspocus's (document-name prefix, auth first), keeps a
 * Y.Doc only for what it sends itself, and reads what it receives without applying it: each
 * update a client sends inserts one token "<client>:<sent-time>;" into its own paragraph, and
 * receivers pull the tokens out of the decoded update. That keeps 50 clients in one process
 * cheap enough not to be the bottleneck on a small machine, for every server alike.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

/** Milliseconds on a clock shared by every client of the process. */
export const now = () => performance.timeOrigin + performance.now()

const SYNC = 0
const AUTH = 2
const SYNC_REPLY = 4
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

export class BenchClient {
  /**
   * @param {{ protocol: 'yws' | 'hocuspocus', url: string, docName: string, headers?: Record<string,string>,
   *   index: number, onToken?: (from: number, sentAt: number, receivedAt: number) => void }} options
   */
  constructor(options) {
    this.o = options
    this.doc = new Y.Doc()
    this.synced = false
    this.closeInfo = null
    /** Update frames received (one frame may carry several clients' updates). */
    this.updateFrames = 0
    this.doc.on('update', (update, origin) => {
      if (origin !== 'remote' && this.ws?.readyState === WebSocket.OPEN) this.ws.send(this.frame(SYNC, e => {
        encoding.writeVarUint(e, UPDATE)
        encoding.writeVarUint8Array(e, update)
      }))
    })
  }

  /** Connect and resolve with the milliseconds from the upgrade request to the server's state applied. */
  connect(timeoutMs = 30_000) {
    const started = now()
    const ws = new WebSocket(this.o.url, { headers: this.o.headers ?? {} })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.o.index}: no sync within ${timeoutMs} ms`)), timeoutMs)
      this.onSynced = () => {
        clearTimeout(timer)
        resolve(now() - started)
      }
      ws.on('open', () => {
        if (this.o.protocol === 'hocuspocus') {
          ws.send(this.frame(AUTH, (e) => {
            encoding.writeVarUint(e, 0) // token
            encoding.writeVarString(e, 'bench')
          }))
        } else {
          this.sendStep1()
        }
      })
      ws.on('message', data => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() }
        if (!this.synced) {
          clearTimeout(timer)
          reject(new Error(`client ${this.o.index} closed before sync: ${code} ${reason}`))
        }
      })
      ws.on('error', () => {})
    })
  }

  close() {
    this.ws?.close()
    this.doc.destroy()
  }

  /** A message with the protocol's framing: Hocuspocus prefixes the document name. */
  frame(type, write) {
    const e = encoding.createEncoder()
    if (this.o.protocol === 'hocuspocus') encoding.writeVarString(e, this.o.docName)
    encoding.writeVarUint(e, type)
    write(e)
    return encoding.toUint8Array(e)
  }

  sendStep1() {
    this.ws.send(this.frame(SYNC, (e) => {
      encoding.writeVarUint(e, STEP1)
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc))
    }))
  }

  receive(data) {
    const d = decoding.createDecoder(data)
    if (this.o.protocol === 'hocuspocus') decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    if (type === AUTH) {
      if (decoding.readVarUint(d) === 2) this.sendStep1() // authenticated
      return
    }
    if (type !== SYNC && type !== SYNC_REPLY) return // awareness, sync status, …
    const step = decoding.readVarUint(d)
    const payload = decoding.readVarUint8Array(d)
    if (step === STEP1) {
      this.ws.send(this.frame(this.o.protocol === 'hocuspocus' ? SYNC_REPLY : SYNC, (e) => {
        encoding.writeVarUint(e, STEP2)
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload))
      }))
    } else if (step === STEP2) {
      Y.applyUpdate(this.doc, payload, 'remote')
      if (!this.synced) {
        this.synced = true
        this.onSynced?.()
      }
    } else if (step === UPDATE && this.o.onToken) {
      this.updateFrames++
      const receivedAt = now()
      for (const s of Y.decodeUpdate(payload).structs) {
        if (!(s.content instanceof Y.ContentString)) continue
        for (const token of s.content.str.split(';')) {
          const colon = token.indexOf(':')
          if (colon < 0) continue
          const from = Number(token.slice(0, colon))
          if (from !== this.o.index) this.o.onToken(from, Number(token.slice(colon + 1)), receivedAt)
        }
      }
    }
  }

  /** This client's own paragraph (created on first use) in the fragment `name`. */
  ownText(name) {
    if (!this.text) {
      const p = new Y.XmlElement('paragraph')
      this.text = new Y.XmlText()
      p.insert(0, [this.text])
      this.doc.getXmlFragment(name).push([p])
    }
    return this.text
  }

  /** Send one token-carrying edit. */
  sendToken(fragmentName) {
    const text = this.ownText(fragmentName)
    text.insert(text.length, `${this.o.index}:${now().toFixed(3)};`)
  }
}
