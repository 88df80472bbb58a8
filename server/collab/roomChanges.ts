/**
 * Change events for the rest of the server (the dashboard's summaries): after committed changes
 * a room is announced at most every `changeDebounceMs`, and once more when it unloads, so that
 * listeners read a live document a few times a minute instead of on every keystroke.
 */
import type * as Y from 'yjs'
import { collabConfig } from './config'
import type { LiveRoom } from './liveRoom'
import { logCollab } from './log'

type ChangeListener = (reportId: string, doc: Y.Doc) => void

const listeners: ChangeListener[] = []

/** Be told (debounced, and once more on unload) when a room's document changed. Returns the way to stop. */
export function onRoomChanged(listener: ChangeListener): () => void {
  listeners.push(listener)
  return () => void listeners.splice(listeners.indexOf(listener), 1)
}

/** A commit changed the room: announce it within `changeDebounceMs`. */
export function markChanged(live: LiveRoom): void {
  live.changed = true
  live.changeTimer ??= setTimeout(() => announceChange(live), collabConfig.changeDebounceMs)
}

/** Announce a pending change now (the debounce ran out, or the room unloads). */
export function announceChange(live: LiveRoom): void {
  if (live.changeTimer) clearTimeout(live.changeTimer)
  live.changeTimer = null
  if (!live.changed) return
  live.changed = false
  for (const listener of listeners) {
    try {
      listener(live.room.reportId, live.room.doc)
    } catch (error) {
      logCollab('error', 'onRoomChanged listener failed', { reportId: live.room.reportId, message: String(error) })
    }
  }
}
