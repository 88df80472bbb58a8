/**
 * Two adjustments on the raw `ws` socket behind a crossws peer (Nitro's Node adapter), each
 * falling back to plain crossws behaviour when the socket is not a Node `ws` socket.
 */
import type { Peer } from 'crossws'

interface RawWs {
  on?: (event: 'message', listener: (data: Buffer | Buffer[], isBinary: boolean) => void) => unknown
  removeAllListeners?: (event: 'message') => unknown
  _receiver?: { _state?: number, _mask?: unknown }
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
