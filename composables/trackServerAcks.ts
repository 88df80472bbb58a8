/**
 * Knowing whether the hub holds every local change. The y-websocket protocol has no
 * acknowledgement, but the hub handles one socket's messages in order and answers every sync
 * step 1 with a sync step 2: so a step 1 sent after some local updates is answered only once the
 * hub has taken (committed) those updates. We send such a probe shortly after local changes and
 * count a change as acknowledged when the answer to a later probe arrives.
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE, SYNC } from '#shared/collabContract'

const PROBE_DELAY_MS = 150

export interface AckTracker {
  /** Stop listening (the provider and doc are destroyed separately). */
  stop: () => void
}

/**
 * Call `onPending(true)` while some local change is not yet acknowledged by the hub, and
 * `onPending(false)` once all are. (A refused change is not a message but a close: useReportDoc.)
 */
export function trackServerAcks(doc: Y.Doc, provider: WebsocketProvider, onPending: (pending: boolean) => void): AckTracker {
  let localSeq = 0
  let ackedSeq = 0
  // The sequence number each outstanding step 1 confirms, in the order they were sent.
  let probes: number[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  const report = () => onPending(localSeq > ackedSeq)

  const sendProbe = () => {
    timer = null
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeSyncStep1(encoder, doc)
    probes.push(localSeq)
    ws.send(encoding.toUint8Array(encoder))
  }
  const scheduleProbe = () => {
    timer ??= setTimeout(sendProbe, PROBE_DELAY_MS)
  }

  const handlers = provider.messageHandlers
  const syncHandler = handlers[MESSAGE.sync]!
  handlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
    const step = decoding.peekVarUint(decoder)
    syncHandler(encoder, decoder, p, emitSynced, type)
    if (step === SYNC.step2) {
      const seq = probes.shift()
      if (seq !== undefined && seq > ackedSeq) ackedSeq = seq
      report()
    } else if (step === SYNC.step1 && localSeq > ackedSeq) {
      // The hub asked what it lacks; the answer (our offline edits) leaves right after this
      // handler, so a probe sent later confirms it.
      scheduleProbe()
    }
  }

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return
    localSeq++
    report()
    scheduleProbe()
  }
  const onStatus = ({ status }: { status: string }) => {
    // A new socket: the answers to earlier probes will never come. The provider's own first
    // step 1 (sent right after "connected") is answered before the hub has our offline edits.
    probes = status === 'connected' ? [ackedSeq] : []
  }
  doc.on('update', onUpdate)
  provider.on('status', onStatus)

  return {
    stop: () => {
      if (timer) clearTimeout(timer)
      doc.off('update', onUpdate)
      provider.off('status', onStatus)
      handlers[MESSAGE.sync] = syncHandler
    },
  }
}
