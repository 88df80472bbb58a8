/**
 * The collaboration websocket contract, written once for the browser and the server: where a
 * report's socket lives, the y-websocket message numbers, and how and why the hub closes a socket.
 * The codes are fixed by DESIGN.md; docs/collaboration.md explains each close.
 */
import { ID_PATTERN } from './docNames'

/** The websocket of report `<id>` is `/api/collab/<id>`. */
export const COLLAB_PATH_PREFIX = '/api/collab/'

/** The path of report `reportId`'s websocket. */
export function collabPath(reportId: string): string {
  return COLLAB_PATH_PREFIX + encodeURIComponent(reportId)
}

/** The server URL for y-websocket's provider, which appends `/<reportId>` itself (`origin`: the page's). */
export function collabServerUrl(origin: string): string {
  return origin.replace(/^http/, 'ws') + COLLAB_PATH_PREFIX.slice(0, -1)
}

/** The report id addressed by a websocket path `/api/collab/<reportId>`, or null. */
export function parseCollabPath(pathname: string): string | null {
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null
  let id: string
  try {
    id = decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length).replace(/\/+$/, ''))
  } catch {
    return null
  }
  return ID_PATTERN.test(id) ? id : null
}

/**
 * y-websocket message types (the first number of every frame). y-protocols also knows 2, "auth":
 * the hub neither sends nor accepts it; a refusal is a close (below).
 */
export const MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3 } as const

/** The steps of a sync message (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const

/** Close codes of the contract (DESIGN.md) plus the standard ones the hub uses. */
export const CLOSE = {
  notSignedIn: 4401,
  forbidden: 4403,
  malformed: 4400,
  tooLarge: 4413,
  /** Storage failed or the client fell behind: reconnect and resend (not a 44xx, so y-websocket retries). */
  tryAgain: 1013,
  serverError: 1011,
} as const

/** The reasons the hub gives with a close; `…Prefix` reasons go on with details. */
export const CLOSE_REASON = {
  notSignedIn: 'not signed in',
  notMember: 'not a member',
  membershipRemoved: 'membership-removed',
  forbiddenWritePrefix: 'forbidden-write: ',
  tooLarge: 'message too large',
  storageUnavailable: 'storage unavailable, reconnect',
  tooSlow: 'too slow to follow the room',
  /** 4401 on an open socket: its session ended, and why (docs/sessions.md). */
  signedOut: 'signed out',
  signedOutEverywhere: 'signed out everywhere',
  passwordChanged: 'password changed',
  accountRemoved: 'account removed',
  sessionExpired: 'session expired',
} as const

/** A close frame's reason may hold 123 bytes of UTF-8. */
const MAX_REASON_BYTES = 123

/** The close reason for an update the guard refused under `rule`, cut to fit a close frame. */
export function forbiddenWriteReason(rule: string): string {
  let reason = CLOSE_REASON.forbiddenWritePrefix + rule
  const encoder = new TextEncoder()
  while (encoder.encode(reason).byteLength > MAX_REASON_BYTES) reason = [...reason].slice(0, -1).join('')
  return reason
}

/** What a close means for the browser. */
export type CloseKind =
  | 'signed-out' // no valid session: sign in again
  | 'no-access' // not (or no longer) a member
  | 'forbidden-write' // the guard refused a change (check membership: the role may have changed)
  | 'malformed' // the hub could not read a message
  | 'too-large' // a message over MAX_MESSAGE_BYTES
  | 'refused' // another 44xx
  | 'try-again' // transient: the provider reconnects and resends
  | 'dropped' // any other close: the provider reconnects

export interface CloseVerdict {
  kind: CloseKind
  /** The provider stops for good (y-websocket does not reconnect after 4400–4499). */
  final: boolean
  /** For `forbidden-write`: the rule that refused the change. */
  rule?: string
}

/** Classify a close by its code and reason. */
export function classifyClose(code: number, reason: string): CloseVerdict {
  const final = code >= 4400 && code < 4500
  switch (code) {
    case CLOSE.notSignedIn:
      return { kind: 'signed-out', final }
    case CLOSE.forbidden:
      return reason.startsWith(CLOSE_REASON.forbiddenWritePrefix)
        ? { kind: 'forbidden-write', final, rule: reason.slice(CLOSE_REASON.forbiddenWritePrefix.length) }
        : { kind: 'no-access', final }
    case CLOSE.malformed:
      return { kind: 'malformed', final }
    case CLOSE.tooLarge:
      return { kind: 'too-large', final }
    case CLOSE.tryAgain:
      return { kind: 'try-again', final }
    default:
      return { kind: final ? 'refused' : 'dropped', final }
  }
}
