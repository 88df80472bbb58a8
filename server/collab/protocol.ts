/**
 * The y-websocket wire protocol (the framing of `y-websocket`'s WebsocketProvider and
 * `y-protocols`): decoding what a client sends and encoding what the hub sends back.
 * Decoding never touches a document, so the guard can look at an update before it is applied.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

/** A client message, decoded. `update` is a Yjs update (V1 encoding, as the provider sends). */
export type ClientMessage =
  | { kind: 'syncStep1', stateVector: Uint8Array }
  | { kind: 'syncStep2', update: Uint8Array }
  | { kind: 'update', update: Uint8Array }
  | { kind: 'awareness', update: Uint8Array }
  | { kind: 'queryAwareness' }

/** Thrown for bytes that are not a y-websocket message; the socket is closed with 4400. */
export class MalformedMessage extends Error {}

/** Decode one websocket message from a client. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SYNC_STEP1) return { kind: 'syncStep1', stateVector: payload }
        if (step === SYNC_STEP2) return { kind: 'syncStep2', update: payload }
        if (step === SYNC_UPDATE) return { kind: 'update', update: payload }
        break
      }
      case MESSAGE_AWARENESS:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MESSAGE_QUERY_AWARENESS:
        return { kind: 'queryAwareness' }
    }
  } catch (error) {
    throw new MalformedMessage(error instanceof Error ? error.message : 'unreadable message')
  }
  throw new MalformedMessage('unknown message type')
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: the hub's state vector, asking the client for what the hub lacks. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, SYNC_STEP1)
  encoding.writeVarUint8Array(e, stateVector)
})

/** Sync step 2: what the client lacks. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, SYNC_STEP2)
  encoding.writeVarUint8Array(e, update)
})

/** A committed document update, broadcast to the room. */
export const encodeUpdate = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, SYNC_UPDATE)
  encoding.writeVarUint8Array(e, update)
})

/** An awareness update (presence), broadcast to the room. */
export const encodeAwareness = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(e, update)
})

/** The y-protocols auth message "permission denied", which the stock provider logs. */
export const encodePermissionDenied = (reason: string): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE_AUTH)
  encoding.writeVarUint(e, 0)
  encoding.writeVarString(e, reason)
})
