/**
 * Three adjustments on the raw `ws` socket behind a crossws peer (Nitro's Node adapter), each
 * falling back to plain crossws behaviour when the socket is not a Node `ws` socket.
 */
import type { Peer } from 'crossws'

interface RawWs {
  on?: (event: 'message', listener: (data: Buffer | Buffer[], isBinary: boolean) => void) => unknown
  removeAllListeners?: (event: 'message') => unknown
  readyState?: number
  _receiver?: { _state?: number, _mask?: unknown }
  _sender?: { _state?: number, _queue?: unknown[] }
  _socket?: { destroyed?: boolean, writable?: boolean, write?: (chunk: Uint8Array) => boolean }
}

/**
 * Receive the peer's frames straight from its socket. Through crossws every frame first
 * resolves the route again (h3 parses the URL and walks the router per message, plus promise
 * hops): ~15% of the hub's CPU with 50 clients typing. Also tells binary from text frames,
 * which crossws does not pass on. Returns false (crossws's `message` hook stays in charge) when
 * the socket is not a Node `ws` socket.
 */
export function takeOverMessages(peer: Peer, onFrame: (data: Uint8Array, isBinary: boolean) => void): boolean {
  const raw = peer.websocket as RawWs
  if (typeof raw.on !== 'function' || typeof raw.removeAllListeners !== 'function') return false
  raw.removeAllListeners('message')
  raw.on('message', (data, isBinary) => onFrame(Array.isArray(data) ? Buffer.concat(data) : data, isBinary))
  return true
}

/**
 * The `ws` bundled in crossws 0.3.5 keeps the last frame's mask, a view into the buffer that
 * frame arrived in, until the next frame: an idle socket pins its last large message (measured:
 * ~35 KiB per open report after a client pushed a 10-page section). ws ≥ 8.19 drops it itself;
 * until Nitro's crossws bundles that, drop the stale view here — only between frames (state 0,
 * GET_INFO), never while a frame is being read.
 */
export function releaseReceiveBuffer(peer: Peer): void {
  const receiver = (peer.websocket as RawWs)._receiver
  if (receiver && receiver._state === 0) receiver._mask = undefined
}

/**
 * A binary websocket message framed once for every socket it goes to (RFC 6455: final frame,
 * binary opcode, unmasked as servers send): `writeFrame` sends it to each socket as it is.
 */
export function binaryFrame(data: Uint8Array): Uint8Array {
  const n = data.byteLength
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10
  const frame = new Uint8Array(head + n)
  frame[0] = 0x82
  if (head === 2) {
    frame[1] = n
  } else if (head === 4) {
    frame[1] = 126
    frame[2] = n >>> 8
    frame[3] = n & 0xff
  } else {
    frame[1] = 127
    new DataView(frame.buffer).setBigUint64(2, BigInt(n))
  }
  frame.set(data, head)
  return frame
}

/**
 * Write a frame made by `binaryFrame` straight to the peer's TCP socket: one write per
 * recipient, where `ws` frames every send anew (a header buffer, cork, a two-part writev) — in
 * a broadcast that framing was repeated for every socket of the room. Only while `ws` has
 * nothing of its own queued (it queues only while compressing, which the hub never asks for)
 * and the socket is open, so frames keep their order; bytes written here count in `ws`'s
 * bufferedAmount as its own do. Returns false (send through crossws instead) otherwise, or when
 * the socket is not a Node `ws` socket.
 */
export function writeFrame(peer: Peer, frame: Uint8Array): boolean {
  const raw = peer.websocket as RawWs
  const socket = raw._socket
  const sender = raw._sender
  if (raw.readyState !== 1 || !socket || typeof socket.write !== 'function' || socket.destroyed || socket.writable === false) return false
  if (!sender || sender._state !== 0 || !Array.isArray(sender._queue) || sender._queue.length) return false
  socket.write(frame)
  return true
}
