/**
 * The y-websocket wire protocol (the framing of `y-websocket`'s WebsocketProvider and
 * `y-protocols`): decoding what a client sends and encoding what the hub sends back.
 * Decoding never touches a document, so the guard can look at an update before it is applied.
 * The message numbers are the shared contract's (shared/collabContract.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE, SYNC } from '#shared/collabContract'

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
      case MESSAGE.sync: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SYNC.step1) return { kind: 'syncStep1', stateVector: payload }
        if (step === SYNC.step2) return { kind: 'syncStep2', update: payload }
        if (step === SYNC.update) return { kind: 'update', update: payload }
        break
      }
      case MESSAGE.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MESSAGE.queryAwareness:
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
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, SYNC.step1)
  encoding.writeVarUint8Array(e, stateVector)
})

/** Sync step 2: what the client lacks. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, SYNC.step2)
  encoding.writeVarUint8Array(e, update)
})

/** A committed document update, broadcast to the room. */
export const encodeUpdate = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, SYNC.update)
  encoding.writeVarUint8Array(e, update)
})

/** An awareness update (presence), broadcast to the room. */
export const encodeAwareness = (update: Uint8Array): Uint8Array => frame((e) => {
  encoding.writeVarUint(e, MESSAGE.awareness)
  encoding.writeVarUint8Array(e, update)
})
