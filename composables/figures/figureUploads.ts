/**
 * Sending figures' bytes to the server (`PUT /api/reports/:id/images/:sha256`). A picture is kept
 * in IndexedDB first (composables/figures/pendingFigureImages.ts) and shown from a local object URL
 * meanwhile, so a figure added offline — or whose upload the tab did not live to finish — is
 * uploaded when the network is back (the `online` event, a retry every RETRY_MS, and on the next
 * visit). Uploads are idempotent (same bytes, same address), so retrying is always safe.
 * What this browser is uploading is published in awareness, for others' "being uploaded by …".
 */
import { apiErrorMessage } from '~~/utils/apiErrorMessage'
import { pendingFigureImages } from './pendingFigureImages'
import type { PreparedFigureImage } from './prepareFigureImage'

/** Between retries while some picture waits (the `online` event is not always fired). */
const RETRY_MS = 15_000

export interface FigureUploadsOptions {
  reportId: string
  userId: string
  /** The server refused the picture for good (a limit, a type): the figures holding it must go. */
  onRefused: (sha256: string, message: string) => void
  /** The pictures this browser still has to upload (for awareness). */
  onPending: (sha256s: string[]) => void
}

export function createFigureUploads(options: FigureUploadsOptions) {
  const store = pendingFigureImages(options.reportId, options.userId)
  const localUrls = shallowReactive(new Map<string, string>())
  const pending = shallowReactive(new Set<string>())
  const inFlight = new Set<string>()
  let timer: ReturnType<typeof setInterval> | null = null

  const publish = () => options.onPending([...pending])
  const showLocal = (sha256: string, blob: Blob) => {
    if (!localUrls.has(sha256)) localUrls.set(sha256, URL.createObjectURL(blob))
  }

  /** One attempt; true when the picture is on the server (or refused for good: nothing to retry). */
  async function send(sha256: string, mime: string, body: Blob): Promise<boolean> {
    if (inFlight.has(sha256)) return false
    inFlight.add(sha256)
    try {
      await $fetch(`/api/reports/${options.reportId}/images/${sha256}`, { method: 'PUT', body, headers: { 'content-type': mime } })
      return true
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode
      // No answer, a server error or a lost session: the picture waits and is tried again.
      if (!status || status >= 500 || status === 401 || status === 408 || status === 429) return false
      options.onRefused(sha256, apiErrorMessage(error))
      return true
    } finally {
      inFlight.delete(sha256)
    }
  }

  async function settle(sha256: string, done: boolean) {
    if (!done) return
    pending.delete(sha256)
    publish()
    await store.remove(sha256).catch(() => {})
  }

  /** Keep, show and upload a new picture. */
  async function add(image: PreparedFigureImage): Promise<void> {
    const blob = new Blob([image.bytes], { type: image.mime })
    showLocal(image.sha256, blob)
    pending.add(image.sha256)
    publish()
    await store.put({ sha256: image.sha256, mime: image.mime, bytes: blob }).catch(() => {})
    await settle(image.sha256, await send(image.sha256, image.mime, blob))
  }

  /** Try every waiting picture again. */
  async function flush(): Promise<void> {
    const waiting = await store.all().catch(() => [])
    for (const image of waiting) {
      showLocal(image.sha256, image.bytes)
      if (!pending.has(image.sha256)) {
        pending.add(image.sha256)
        publish()
      }
      await settle(image.sha256, await send(image.sha256, image.mime, image.bytes))
    }
  }

  const onOnline = () => void flush()
  function start() {
    window.addEventListener('online', onOnline)
    timer = setInterval(() => pending.size && navigator.onLine && void flush(), RETRY_MS)
    void flush()
  }
  function stop() {
    window.removeEventListener('online', onOnline)
    if (timer) clearInterval(timer)
    for (const url of localUrls.values()) URL.revokeObjectURL(url)
    localUrls.clear()
  }

  return { localUrls, pending, add, flush, start, stop }
}

export type FigureUploads = ReturnType<typeof createFigureUploads>
