/**
 * One report's live document in the browser: the Y.Doc, its offline copy in IndexedDB (one
 * database per report and user) and the websocket to the hub (path, close codes and reasons:
 * shared/collabContract.ts). Client-only: taken in onMounted — usually opened already, as the
 * navigation to the page began (composables/reportConnection.ts) — and destroyed in onUnmounted.
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { classifyClose, type CloseVerdict } from '#shared/collabContract'
import { trackServerAcks } from './trackServerAcks'
import { takeReportConnection } from './reportConnection'
import { interfaceT } from '~~/utils/interfaceI18n'

/** What the connection indicator shows. */
export type ConnectionState =
  | 'connecting' // first connection not yet made
  | 'connected'
  | 'reconnecting' // lost, trying again
  | 'offline' // the browser has no network: not trying until it returns
  | 'signed-out' // the hub closed: not signed in
  | 'no-access' // the hub closed: not (or no longer) a member
  | 'refused' // the hub refused our changes (a forbidden write, an unreadable or too large message)

export interface LiveUser { id: string, name: string, color: string }

/** The IndexedDB database holding this user's offline copy of the report. */
export function offlineDbName(reportId: string, userId: string): string {
  return `chorus:${reportId}:${userId}`
}

/** In words, why the hub refused a change from this browser. */
function refusalText(close: CloseVerdict): string {
  switch (close.kind) {
    case 'too-large':
      return interfaceT('refusal.tooLarge')
    case 'malformed':
      return interfaceT('refusal.malformed')
    case 'forbidden-write':
      return close.rule ? interfaceT('refusal.forbiddenRule', { rule: close.rule }) : interfaceT('refusal.forbidden')
    default:
      return interfaceT('refusal.forbidden')
  }
}

/**
 * Open the report's document. `checkAccess` is asked when the hub refused a change: true when the
 * user is still a member (then the change itself was refused, e.g. in a section that became final).
 */
export function useReportDoc(reportId: string, user: LiveUser, checkAccess: () => Promise<boolean>) {
  const doc = shallowRef<Y.Doc | null>(null)
  const provider = shallowRef<WebsocketProvider | null>(null)
  const state = ref<ConnectionState>('connecting')
  /** Some local change is not yet held by the hub. */
  const unsynced = ref(false)
  /** The local copy (IndexedDB) or the server's copy has been loaded. */
  const loaded = ref(false)
  /** Why the hub closed the connection for good, in words. */
  const closedReason = ref('')

  let idb: IndexeddbPersistence | null = null
  let everConnected = false
  let stopAcks = () => {}

  const terminal = () => ['signed-out', 'no-access', 'refused'].includes(state.value)

  function onStatus({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) {
    if (terminal()) return
    if (status === 'connected') {
      everConnected = true
      state.value = 'connected'
    } else if (!navigator.onLine) {
      state.value = 'offline'
    } else {
      state.value = everConnected ? 'reconnecting' : 'connecting'
    }
  }

  // The provider emits `closed` only for closes it will not retry (44xx).
  async function onClosed({ code, reason }: { code: number, reason: string }) {
    const close = classifyClose(code, reason)
    if (close.kind === 'signed-out') {
      state.value = 'signed-out'
      closedReason.value = interfaceT('refusal.signedOut')
      return
    }
    if (close.kind === 'no-access' || !(await checkAccess().catch(() => true))) {
      state.value = 'no-access'
      closedReason.value = interfaceT('refusal.noAccess')
      // A removed member keeps no copy of a possibly confidential report.
      idb?.clearData().catch(() => {})
      idb = null
      return
    }
    state.value = 'refused'
    closedReason.value = refusalText(close)
  }

  const goOffline = () => {
    if (terminal()) return
    state.value = 'offline'
    // Chromium keeps a dead socket open for a while; close it so edits queue locally at once.
    provider.value?.disconnect()
  }
  const goOnline = () => {
    if (terminal() || !provider.value) return
    state.value = everConnected ? 'reconnecting' : 'connecting'
    provider.value.connect()
  }

  onMounted(() => {
    // Usually already open, and often already synced: plugins/reportConnection.client.ts.
    const connection = takeReportConnection(reportId)
    const d = connection.doc
    const p = connection.provider
    idb = new IndexeddbPersistence(offlineDbName(reportId, user.id), d)
    idb.whenSynced.then(() => (loaded.value = true)).catch(() => {})
    p.awareness.setLocalStateField('user', { ...user })
    connection.adopt()
    p.on('status', onStatus)
    p.on('closed', onClosed)
    p.on('sync', (synced: boolean) => {
      if (synced) loaded.value = true
    })
    stopAcks = trackServerAcks(d, p, v => (unsynced.value = v)).stop
    // What the provider reported before this page listened.
    everConnected = connection.wasConnected
    onStatus({ status: connection.status })
    if (connection.closed) onClosed(connection.closed)
    if (p.synced) loaded.value = true
    if (!navigator.onLine) state.value = 'offline'
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    doc.value = d
    provider.value = p
  })

  onUnmounted(() => {
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('online', goOnline)
    stopAcks()
    provider.value?.destroy()
    idb?.destroy()
    doc.value?.destroy()
    provider.value = null
    doc.value = null
  })

  /** Forget this browser's copy (including changes the hub refused) and load the server's. */
  async function discardLocalCopy() {
    provider.value?.disconnect()
    await idb?.clearData()
    location.reload()
  }

  return { doc, provider, state, unsynced, loaded, closedReason, discardLocalCopy }
}
