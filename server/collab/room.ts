/**
 * One report's live document and its connections. Messages of the room run through one queue in
 * arrival order; an accepted update is applied to the live document at once (so the next update
 * is judged against it) but reaches nobody until the store has committed it: the room's commits
 * are grouped (everything accepted while a commit is in flight goes into the next `append`) and
 * each group is broadcast as one merged update after its commit. A client's sync step 1 is
 * answered only once everything accepted before it is committed.
 */
import * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates, applyAwarenessUpdate } from 'y-protocols/awareness'
import type { DocStore } from '../store/docStore'
import { ClientIdOwners } from './clientIdOwners'
import { HalfAppliedChange, ServerTransaction } from './serverTransaction'
import { forbiddenWriteReason } from '#shared/collabContract'
import { CLOSE } from './conn'
import type { Conn } from './conn'
import { guardUpdate } from './guard'
import { logCollab } from './log'
import { sanitizeAwareness } from './presence'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol'
import type { ClientMessage } from './protocol'
import { CommitQueue } from './commitQueue'
import { binaryFrame } from './rawSocket'
import { TaskQueue } from './taskQueue'

/** Origins of document and awareness changes that did not come from a local client. */
export const FROM_SERVER = Symbol('server')
export const FROM_REMOTE = Symbol('remote')

/** The room was dropped (store failure, or a server change failed half-way) before a task ran. */
export class RoomGone extends Error {
  constructor(reportId: string) {
    super(`the room of report ${reportId} was dropped`)
  }
}

/** What a room needs from outside: the store, and (scaled mode) the other instances. */
export interface RoomDeps {
  docs: DocStore
  /** Called after each commit with the stored update and its sequence number. */
  committed(room: Room, update: Uint8Array, seq: number): void
  /** A local awareness change other instances should see. */
  awarenessChanged(room: Room, update: Uint8Array): void
  /** The store failed: the room must be dropped. */
  failed(room: Room, error: unknown): void
}

const RESYNC_INTERVAL_MS = 2_000
/** A commit slower than this is logged (every socket of the process waits for SQLite's). */
const SLOW_COMMIT_MS = 50

export class Room {
  readonly conns = new Set<Conn>()
  readonly awareness: Awareness
  /** Awareness clientIDs announced through other instances (scaled mode). */
  readonly remoteClients = new Set<number>()
  private readonly queue = new TaskQueue(error => logCollab('error', 'room task failed', { reportId: this.reportId, error: String(error) }))
  private readonly commits: CommitQueue<Conn | null>
  /** Which account writes under each Yjs client id (clientIdOwners.ts). */
  private readonly clientOwners: ClientIdOwners
  /** Server changes, kept whole or not at all (serverTransaction.ts). */
  private readonly serverTransaction: ServerTransaction
  /** A server change failed half-way: the live document no longer matches the store. */
  private broken = false

  constructor(readonly reportId: string, readonly doc: Y.Doc, private readonly deps: RoomDeps) {
    this.clientOwners = new ClientIdOwners(doc.clientID)
    this.serverTransaction = new ServerTransaction(doc, FROM_SERVER)
    this.commits = new CommitQueue((updates, senders) => this.commit(updates, senders), error => deps.failed(this, error), () => this.conns.size)
    this.awareness = new Awareness(doc)
    this.awareness.setLocalState(null)
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin))
    this.awareness.on('update', (change: { added: number[], updated: number[], removed: number[] }, origin: unknown) => this.onAwarenessUpdate(change, origin))
  }

  /** Add a connection: it gets the server's state vector (sync step 1) and everyone's presence. */
  join(conn: Conn): void {
    this.conns.add(conn)
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = this.awareness.getStates()
    if (states.size) conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...states.keys()])))
  }

  /** Remove a connection and its presence. */
  leave(conn: Conn): void {
    if (this.conns.delete(conn)) this.leavePresence(conn)
  }

  /** Remove a connection's presence (it left, or became a viewer). */
  leavePresence(conn: Conn): void {
    if (conn.awarenessId !== null) removeAwarenessStates(this.awareness, [conn.awarenessId], conn)
  }

  /** Handle one decoded message from a connection of this room. */
  receive(conn: Conn, message: ClientMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        this.queue.push(() => this.answerSyncStep1(conn, message.stateVector))
        break
      case 'syncStep2':
      case 'update':
        this.queue.push(() => this.acceptUpdate(conn, message.update))
        break
      case 'awareness': {
        let update: Uint8Array | null
        try {
          update = sanitizeAwareness(message.update, conn, this)
        } catch {
          conn.close(CLOSE.malformed, 'malformed awareness update')
          return
        }
        if (update) applyAwarenessUpdate(this.awareness, update, conn)
        break
      }
      case 'queryAwareness':
        conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
        break
    }
  }

  /** Who holds an awareness clientID here (presence.ts). */
  ownerOf(clientId: number): Conn | 'remote' | null {
    for (const c of this.conns) if (c.awarenessId === clientId) return c
    return this.remoteClients.has(clientId) || clientId === this.doc.clientID ? 'remote' : null
  }

  /**
   * Change the document on the server (HTTP routes: import, restore, section changes) through the
   * same path as a client's update: committed, then broadcast; resolves after the commit. Runs in
   * the room's queue, after everything accepted before it is committed: `prepare` may wait (read
   * the store, check a permission) while the room's messages wait behind it, then `fn` runs in
   * ONE transaction on the live document. Both judge the document as it is at that moment, and
   * should throw before `fn` changes anything. A change that throws half-way is not kept: it is
   * never stored nor broadcast, and the room is dropped so that everyone reloads the stored state
   * (a Yjs transaction cannot be rolled back).
   */
  change<C, T>(prepare: (doc: Y.Doc) => C | Promise<C>, fn: (doc: Y.Doc, context: C) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(async () => {
        try {
          await this.whenUsable()
          const context = await prepare(this.doc)
          this.assertUsable()
          const result = this.serverTransaction.run(doc => fn(doc, context), () => {
            this.broken = true
            this.deps.failed(this, new HalfAppliedChange(this.reportId))
          })
          // Resolve after the commit without holding the queue meanwhile.
          void this.whenCommitted().then(() => (this.dead ? reject(new RoomGone(this.reportId)) : resolve(result)))
        } catch (error) {
          reject(error)
        }
      })
    })
  }

  /**
   * Read the document as stored: `fn` runs in the room's queue once everything accepted before
   * it is committed, so it sees neither less than anyone has been sent nor anything uncommitted.
   */
  read<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(async () => {
        try {
          await this.whenUsable()
          resolve(fn(this.doc))
        } catch (error) {
          reject(error)
        }
      })
    })
  }

  /** Apply an update another instance committed and published (never stored again). */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, FROM_REMOTE)
  }

  /** Resolves once everything accepted so far is committed (immediately when nothing waits). */
  whenCommitted(): Promise<void> {
    return this.commits.whenCommitted()
  }

  /** The store failed to commit this room's updates, or a server change failed half-way: it must be dropped. */
  get dead(): boolean {
    return this.commits.failed || this.broken
  }

  /** Release the document and presence (after the last commit). */
  dispose(): void {
    this.awareness.destroy()
    this.doc.destroy()
    this.commits.releaseAll()
  }

  private async whenUsable(): Promise<void> {
    await this.whenCommitted()
    this.assertUsable()
  }

  private assertUsable(): void {
    if (this.dead || this.doc.isDestroyed) throw new RoomGone(this.reportId)
  }

  private answerSyncStep1(conn: Conn, stateVector: Uint8Array): void | Promise<void> {
    const reply = () => {
      if (conn.closed || this.dead) return
      let diff: Uint8Array
      try {
        diff = Y.encodeStateAsUpdate(this.doc, stateVector)
      } catch {
        conn.close(CLOSE.malformed, 'malformed state vector')
        return
      }
      conn.send(encodeSyncStep2(diff))
    }
    if (this.commits.idle) return reply()
    return this.whenCommitted().then(reply)
  }

  private acceptUpdate(conn: Conn, update: Uint8Array): void | Promise<void> {
    if (conn.closed || this.dead) return
    const verdict = guardUpdate(this.doc, update, { userId: conn.user.id, userName: conn.user.name, role: conn.role })
    if (!verdict.ok) {
      const context = { reportId: this.reportId, userId: conn.user.id, role: conn.role, reason: verdict.reason, root: verdict.root }
      if (verdict.kind === 'malformed') {
        logCollab('warn', 'malformed update', context)
        conn.close(CLOSE.malformed, 'malformed update')
      } else if (verdict.kind === 'missing') {
        logCollab('warn', 'update with missing dependencies dropped; resyncing the sender', context)
        this.resync(conn)
      } else {
        this.deny(conn, verdict.reason, verdict.root)
      }
      return
    }
    const clients = verdict.view.writingClients()
    const unknown = this.clientOwners.unknown(clients)
    if (unknown.length) {
      // First sight of a client id (once per page load): ask the store, then judge again (the
      // document may have changed meanwhile).
      return this.deps.docs.clientOwners(this.reportId, unknown).then((owners) => {
        this.clientOwners.learn(unknown, owners)
        return this.acceptUpdate(conn, update)
      }, (error: unknown) => {
        logCollab('error', 'client id lookup failed', { reportId: this.reportId, message: String(error) })
        conn.close(CLOSE.tryAgain, 'storage unavailable, reconnect')
      })
    }
    if (!this.clientOwners.mayWrite(clients, conn.user.id)) return this.deny(conn, 'writes under another member\'s Yjs client id')
    this.clientOwners.claim(clients, conn.user.id)
    Y.applyUpdate(this.doc, update, conn)
    const store = this.doc.store
    if (store.pendingStructs || store.pendingDs) {
      // The guard's dependency check should make this impossible; never keep half an update.
      logCollab('error', 'update left pending structs after the dependency check', { reportId: this.reportId, userId: conn.user.id })
      store.pendingStructs = null
      store.pendingDs = null
      this.resync(conn)
    }
  }

  private deny(conn: Conn, reason: string, root?: string): void {
    logCollab('warn', 'denied', { reportId: this.reportId, userId: conn.user.id, role: conn.role, reason, root })
    conn.close(CLOSE.forbidden, forbiddenWriteReason(reason))
  }

  /** Ask a client for everything the server lacks (its reply is guarded like any update). */
  private resync(conn: Conn): void {
    const now = Date.now()
    if (now - conn.lastResyncAt < RESYNC_INTERVAL_MS) return
    conn.lastResyncAt = now
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === FROM_REMOTE) {
      this.broadcast(encodeUpdate(update), null)
      return
    }
    if (this.serverTransaction.drops(origin)) return
    this.commits.add(update, typeof origin === 'object' && origin !== null && 'send' in origin ? (origin as Conn) : null)
  }

  /**
   * Commit a group of accepted updates as ONE stored update (their merge), then broadcast that
   * merge: the store gets one row and every client one frame per group.
   */
  private async commit(updates: Uint8Array[], senders: Array<Conn | null>): Promise<void> {
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    // The claims of exactly these updates: both were queued by the same acceptUpdate calls.
    const claims = this.clientOwners.takeClaims()
    const started = performance.now()
    const lastSeq = await this.deps.docs.append(this.reportId, [merged], claims)
    const ms = performance.now() - started
    if (ms > SLOW_COMMIT_MS) logCollab('warn', 'slow commit', { reportId: this.reportId, ms: Math.round(ms), updates: updates.length })
    // The sender already has its own change; skip it when the whole group is from one client.
    const only = senders.every(c => c === senders[0]) ? senders[0]! : null
    this.broadcast(encodeUpdate(merged), only)
    try {
      this.deps.committed(this, merged, lastSeq)
    } catch (error) {
      logCollab('error', 'after-commit hook failed', { reportId: this.reportId, message: String(error) })
    }
  }

  /** Send to every connection but `except`, the websocket frame built once for all of them. */
  private broadcast(message: Uint8Array, except: Conn | null): void {
    if (this.conns.size === 0 || (this.conns.size === 1 && this.conns.has(except!))) return
    const framed = binaryFrame(message)
    for (const conn of this.conns) if (conn !== except) conn.send(message, framed)
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[], updated: number[], removed: number[] }, origin: unknown): void {
    if (origin === FROM_REMOTE) {
      for (const id of added) this.remoteClients.add(id)
    }
    for (const id of removed) this.remoteClients.delete(id)
    const changed = added.concat(updated, removed)
    const update = encodeAwarenessUpdate(this.awareness, changed)
    this.broadcast(encodeAwareness(update), null)
    if (origin !== FROM_REMOTE && origin !== 'timeout' && origin !== 'local') this.deps.awarenessChanged(this, update)
  }
}
