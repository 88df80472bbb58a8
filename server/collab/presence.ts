/**
 * Awareness (presence) from clients, sanitised before it reaches the room: a client speaks only
 * for its own clientID (the first one it announces that nobody else holds), its `user` field is
 * overwritten from the session, and viewers publish nothing. A stock y-websocket provider also
 * re-sends other clients' states it has seen; those entries are dropped, not treated as an error.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { collabConfig } from './config'
import type { Conn } from './conn'

interface Entry { clientId: number, clock: number, state: string }

/** Owners of awareness clientIDs in a room, local connections and (scaled mode) other instances. */
export interface PresenceOwners {
  ownerOf(clientId: number): Conn | 'remote' | null
}

/**
 * The part of an awareness update `conn` may publish, with identities from the session, encoded
 * for `applyAwarenessUpdate`; null when nothing is left. Throws on unreadable bytes.
 */
export function sanitizeAwareness(update: Uint8Array, conn: Conn, owners: PresenceOwners): Uint8Array | null {
  if (conn.role === 'viewer') return null
  const decoder = decoding.createDecoder(update)
  const entries: Entry[] = []
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) })
  }
  const kept: Entry[] = []
  for (const entry of entries) {
    if (conn.awarenessId === null && owners.ownerOf(entry.clientId) === null) conn.awarenessId = entry.clientId
    if (entry.clientId !== conn.awarenessId) continue
    const state = withSessionUser(entry.state, conn)
    if (state !== undefined) kept.push({ ...entry, state })
  }
  if (!kept.length) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kept.length)
  for (const e of kept) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}

/** The state JSON with `user` set from the session; undefined for a state that is not an object or too big. */
function withSessionUser(json: string, conn: Conn): string | undefined {
  if (json.length > collabConfig.maxAwarenessStateBytes) return undefined
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    return undefined
  }
  if (state === null) return 'null'
  if (typeof state !== 'object' || Array.isArray(state)) return undefined
  const { id, name, color } = conn.user
  return JSON.stringify({ ...state, user: { id, name, color } })
}
