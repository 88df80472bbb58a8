/**
 * The crossws hooks of the websocket route: upgrade (Origin, session, membership), open (join
 * the room), message (size limit, decoding, then the room), close. Messages that arrive while
 * the room is still loading wait in the connection's inbox, in order. On Node the connection
 * reads its frames straight from the socket (rawSocket.ts).
 */
import type { Message, Peer } from 'crossws'
import type { Role } from '#shared/permissions'
import type { PublicUser } from '#shared/types/user'
import { collabConfig } from './config'
import { CLOSE } from './conn'
import type { Conn } from './conn'
import { attach, detach } from './hub'
import { logCollab } from './log'
import { decodeClientMessage, MalformedMessage } from './protocol'
import type { ClientMessage } from './protocol'
import type { Room } from './room'
import { releaseReceiveBuffer, takeOverMessages, writeFrame } from './rawSocket'
import { trackSessionSocket, untrackSessionSocket } from './sessionSockets'
import { decideUpgrade } from './upgrade'
import type { UpgradeDecision } from './upgrade'

const DECISION = 'collabDecision'
const CONN = 'collabConn'

interface RawSocket { bufferedAmount?: number }

class PeerConn implements Conn {
  awarenessId: number | null = null
  lastResyncAt = 0
  closed = false
  room: Room | null = null
  inbox: ClientMessage[] = []

  readonly reportId: string
  readonly user: PublicUser
  role: Role
  readonly sessionId: string
  readonly sessionExpiresAt: number
  readonly authenticatedAt: number

  constructor(private readonly peer: Peer, decision: Extract<UpgradeDecision, { ok: true }>) {
    this.reportId = decision.reportId
    this.user = decision.user
    this.role = decision.role
    this.sessionId = decision.session.id
    this.sessionExpiresAt = decision.session.expiresAt
    this.authenticatedAt = decision.session.authenticatedAt
  }

  get id(): string {
    return this.peer.id
  }

  send(data: Uint8Array, framed?: Uint8Array): void {
    if (this.closed) return
    if (((this.peer.websocket as RawSocket).bufferedAmount ?? 0) > collabConfig.maxBufferedBytes) {
      this.close(CLOSE.tryAgain, 'too slow to follow the room')
      return
    }
    try {
      if (!framed || !writeFrame(this.peer, framed)) this.peer.send(data)
    } catch {
      this.close(CLOSE.serverError, 'send failed')
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    try {
      this.peer.close(code, reason)
    } catch {
      // already gone
    }
  }
}

const connOf = (peer: Peer): PeerConn | undefined => peer.context[CONN] as PeerConn | undefined

/** One frame from a client: size limit, binary only, decoding, then the room (or the inbox). */
function receiveFrame(conn: PeerConn, peer: Peer, data: Uint8Array, isBinary: boolean): void {
  if (conn.closed) return
  if (data.byteLength > collabConfig.maxMessageBytes) {
    logCollab('warn', 'message too large', { reportId: conn.reportId, userId: conn.user.id, bytes: data.byteLength })
    conn.close(CLOSE.tooLarge, 'message too large')
    return
  }
  let decoded: ClientMessage
  try {
    if (!isBinary) throw new MalformedMessage('text frame')
    decoded = decodeClientMessage(data)
  } catch (error) {
    if (!(error instanceof MalformedMessage)) throw error
    logCollab('warn', 'malformed message', { reportId: conn.reportId, userId: conn.user.id, reason: error.message })
    conn.close(CLOSE.malformed, 'malformed message')
    return
  }
  if (conn.room) conn.room.receive(conn, decoded)
  else conn.inbox.push(decoded)
  if (data.byteLength > 4096) releaseReceiveBuffer(peer)
}

/** Hooks for `defineWebSocketHandler` (server/api/collab/[id].ts). */
export const collabHooks = {
  async upgrade(request: { url: string, headers: Headers, context: Record<string, unknown> }): Promise<Response | undefined> {
    try {
      const decision = await decideUpgrade(request)
      if (decision instanceof Response) return decision
      request.context[DECISION] = decision
      return undefined
    } catch (error) {
      logCollab('error', 'upgrade failed', { message: String(error) })
      return new Response('Server error', { status: 500 })
    }
  },

  open(peer: Peer): void {
    const decision = peer.context[DECISION] as UpgradeDecision | undefined
    if (!decision?.ok) {
      peer.close(decision?.code ?? CLOSE.forbidden, decision?.reason ?? 'not authorised')
      return
    }
    const conn = new PeerConn(peer, decision)
    peer.context[CONN] = conn
    trackSessionSocket(conn)
    if (conn.closed) return
    takeOverMessages(peer, (data, isBinary) => receiveFrame(conn, peer, data, isBinary))
    attach(conn).then((room) => {
      if (conn.closed) return
      conn.room = room
      for (const m of conn.inbox) room.receive(conn, m)
      conn.inbox = []
    }, (error) => {
      logCollab('error', 'could not open the room', { reportId: conn.reportId, message: String(error) })
      conn.close(CLOSE.tryAgain, 'could not open the report')
    })
  },

  message(peer: Peer, message: Message): void {
    const conn = connOf(peer)
    if (conn) receiveFrame(conn, peer, message.uint8Array(), true)
  },

  close(peer: Peer): void {
    const conn = connOf(peer)
    if (!conn) return
    conn.closed = true
    untrackSessionSocket(conn)
    detach(conn)
  },

  error(peer: Peer, error: unknown): void {
    const conn = connOf(peer)
    logCollab('warn', 'socket error', { reportId: conn?.reportId, message: String(error) })
  },
}
