/**
 * Scaled mode (`REDIS_URL`): instances share document updates, presence and membership changes
 * through Redis pub/sub. Each report has a channel carrying binary frames (committed updates with
 * their sequence numbers, awareness updates), tagged with the publishing instance so it ignores
 * its own; one control channel carries member removals, role changes and ended sessions (those
 * go to their own handlers, sessionSockets.ts, not to the hub's). Without REDIS_URL this
 * module is never loaded (`useFanout()` resolves to null before importing ioredis).
 */
import { randomUUID } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Role } from '#shared/permissions'
import { collabConfig } from './config'
import { logCollab } from './log'

export type FanoutMessage =
  | { kind: 'update', update: Uint8Array, fromSeq: number, toSeq: number }
  | { kind: 'awareness', update: Uint8Array }

export type ControlMessage =
  | { kind: 'disconnect', reportId: string, userId: string }
  | { kind: 'role', reportId: string, userId: string, role: Role }

/** Sessions that ended (sessionSockets.ts): every instance closes their sockets. */
export interface SessionEndedMessage {
  kind: 'session-ended'
  sessionIds?: string[]
  userId?: string
  exceptSessionId?: string
  reason: string
}

export interface Fanout {
  readonly instanceId: string
  /** Start receiving a report's frames (resolves once Redis confirmed the subscription). */
  subscribe(reportId: string, handler: (message: FanoutMessage) => void): Promise<void>
  unsubscribe(reportId: string, handler: (message: FanoutMessage) => void): void
  publish(reportId: string, message: FanoutMessage): void
  publishControl(message: ControlMessage): void
  onControl(handler: (message: ControlMessage) => void): void
  publishSessionEnded(message: SessionEndedMessage): void
  onSessionEnded(handler: (message: SessionEndedMessage) => void): void
  /** A short-lived lock (SET NX PX), e.g. so only one instance compacts a report at a time. */
  tryLock(name: string, ttlMs: number): Promise<boolean>
}

const PREFIX = 'chorus:collab:'
const CONTROL = `${PREFIX}control`
const KIND_UPDATE = 0
const KIND_AWARENESS = 1

let current: Promise<Fanout | null> | null = null

/** The fan-out of this process, or null without REDIS_URL. */
export function useFanout(): Promise<Fanout | null> {
  current ??= collabConfig.redisUrl ? connect(collabConfig.redisUrl) : Promise.resolve(null)
  return current
}

async function connect(url: string): Promise<Fanout> {
  const { Redis } = await import('ioredis')
  const pub = new Redis(url, { lazyConnect: false })
  const sub = new Redis(url, { lazyConnect: false })
  for (const client of [pub, sub]) client.on('error', error => logCollab('error', 'redis', { message: error.message }))
  const instanceId = randomUUID()
  const handlers = new Map<string, Set<(m: FanoutMessage) => void>>()
  const controlHandlers: Array<(m: ControlMessage) => void> = []
  const sessionHandlers: Array<(m: SessionEndedMessage) => void> = []
  await sub.subscribe(CONTROL)

  sub.on('messageBuffer', (channelBuf: Buffer, data: Buffer) => {
    const channel = channelBuf.toString()
    if (channel === CONTROL) {
      try {
        const message = JSON.parse(data.toString()) as (ControlMessage | SessionEndedMessage) & { from: string }
        if (message.from === instanceId) return
        if (message.kind === 'session-ended') for (const h of sessionHandlers) h(message)
        else for (const h of controlHandlers) h(message)
      } catch (error) {
        logCollab('warn', 'unreadable control message', { message: String(error) })
      }
      return
    }
    const set = handlers.get(channel.slice(PREFIX.length))
    if (!set?.size) return
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    const kind = decoding.readVarUint(decoder)
    if (decoding.readVarString(decoder) === instanceId) return
    const message: FanoutMessage = kind === KIND_UPDATE
      ? { kind: 'update', fromSeq: decoding.readVarUint(decoder), toSeq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) }
      : { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    for (const h of set) h(message)
  })

  return {
    instanceId,
    async subscribe(reportId, handler) {
      let set = handlers.get(reportId)
      if (!set) handlers.set(reportId, (set = new Set()))
      set.add(handler)
      if (set.size === 1) await sub.subscribe(PREFIX + reportId)
    },
    unsubscribe(reportId, handler) {
      const set = handlers.get(reportId)
      if (!set?.delete(handler) || set.size) return
      handlers.delete(reportId)
      void sub.unsubscribe(PREFIX + reportId).catch(() => {})
    },
    publish(reportId, message) {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, message.kind === 'update' ? KIND_UPDATE : KIND_AWARENESS)
      encoding.writeVarString(e, instanceId)
      if (message.kind === 'update') {
        encoding.writeVarUint(e, message.fromSeq)
        encoding.writeVarUint(e, message.toSeq)
      }
      encoding.writeVarUint8Array(e, message.update)
      void pub.publish(PREFIX + reportId, Buffer.from(encoding.toUint8Array(e))).catch(error => logCollab('error', 'redis publish failed', { reportId, message: String(error) }))
    },
    publishControl(message) {
      void pub.publish(CONTROL, JSON.stringify({ ...message, from: instanceId })).catch(error => logCollab('error', 'redis publish failed', { message: String(error) }))
    },
    onControl(handler) {
      controlHandlers.push(handler)
    },
    publishSessionEnded(message) {
      void pub.publish(CONTROL, JSON.stringify({ ...message, from: instanceId })).catch(error => logCollab('error', 'redis publish failed', { message: String(error) }))
    },
    onSessionEnded(handler) {
      sessionHandlers.push(handler)
    },
    async tryLock(name, ttlMs) {
      return (await pub.set(`${PREFIX}lock:${name}`, instanceId, 'PX', ttlMs, 'NX')) === 'OK'
    },
  }
}
