/**
 * A report's Y.Doc and its websocket to the hub, which the report page may find already open.
 *
 * The page itself can open the socket only once the app's JavaScript has run, the session and
 * the report's details are known and the page has mounted: on a 100-page report that was a second
 * after navigation, with the main thread mostly idle meanwhile (docs/performance.md). So
 * `plugins/reportConnection.client.ts` opens it when a navigation to a report page begins — at
 * the app's start for a page load — and `useReportDoc` adopts it when the page mounts. Until then
 * the connection only records what the provider reported (its last status, a close it will not
 * retry), which the page replays once it listens. It holds no user data: the hub authenticates
 * the socket by the session cookie and fills in the user's presence itself; the offline copy
 * (IndexedDB, per user) is attached by the page once it knows who is signed in.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { collabServerUrl } from '#shared/collabContract'

export type ProviderStatus = 'connected' | 'disconnected' | 'connecting'

export interface ReportConnection {
  reportId: string
  doc: Y.Doc
  provider: WebsocketProvider
  /** The provider's last status before the page listened. */
  status: ProviderStatus
  /** It was connected at some point before the page listened (a drop since is a reconnection). */
  wasConnected: boolean
  /** The close the provider will not retry (44xx), if one came before the page listened. */
  closed: { code: number, reason: string } | null
  /** Stop recording: the page listens to the provider itself from now on. */
  adopt(): void
  /** Close the socket and forget the document. */
  destroy(): void
}

/** An early connection not yet adopted by a page (at most one: the report being navigated to). */
let early: ReportConnection | null = null
/** Unadopted early connections are closed after this long (a navigation that never reached the page). */
const EARLY_TTL_MS = 60_000
let earlyTimer: ReturnType<typeof setTimeout> | null = null

function open(reportId: string): ReportConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(collabServerUrl(location.origin), reportId, doc, {
    connect: navigator.onLine,
    // Every change goes through the hub's guard, never browser tab to tab.
    disableBc: true,
    maxBackoffTime: 5000,
  })
  const onStatus = ({ status }: { status: ProviderStatus }) => {
    connection.status = status
    if (status === 'connected') connection.wasConnected = true
  }
  const onClosed = (event: { code: number, reason: string }) => (connection.closed = event)
  provider.on('status', onStatus)
  provider.on('closed', onClosed)
  const connection: ReportConnection = {
    reportId,
    doc,
    provider,
    status: 'connecting',
    wasConnected: false,
    closed: null,
    adopt() {
      provider.off('status', onStatus)
      provider.off('closed', onClosed)
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  return connection
}

/** Start opening `reportId`'s connection now, for the page that is about to mount. */
export function openEarly(reportId: string): void {
  if (early?.reportId === reportId) return
  dropEarly()
  if (!navigator.onLine) return
  early = open(reportId)
  earlyTimer = setTimeout(dropEarly, EARLY_TTL_MS)
}

/** Close an early connection nobody adopted (the navigation went elsewhere). */
export function dropEarly(): void {
  if (earlyTimer) clearTimeout(earlyTimer)
  earlyTimer = null
  early?.destroy()
  early = null
}

/** The report's connection for its page: the early one when it is this report's, else a new one. */
export function takeReportConnection(reportId: string): ReportConnection {
  if (early?.reportId === reportId) {
    const connection = early
    early = null
    if (earlyTimer) clearTimeout(earlyTimer)
    earlyTimer = null
    return connection
  }
  dropEarly()
  return open(reportId)
}

