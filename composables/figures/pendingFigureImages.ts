/**
 * Pictures added while the server could not be reached, kept in IndexedDB until they are
 * uploaded — beside the report's offline copy (y-indexeddb), which holds the figure nodes but not
 * their bytes. One database per report and user, like the offline copy (composables/useReportDoc.ts).
 */
import type { FigureImageType } from './prepareFigureImage'

export interface PendingImage { sha256: string, mime: FigureImageType, bytes: Blob }

const STORE = 'pending'

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'sha256' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(name: string, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open(name)
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}

/** The pending pictures of one report for one user. */
export function pendingFigureImages(reportId: string, userId: string) {
  const name = `chorus-figures:${reportId}:${userId}`
  return {
    put: (image: PendingImage) => run(name, 'readwrite', s => s.put(image)).then(() => {}),
    remove: (sha256: string) => run(name, 'readwrite', s => s.delete(sha256)).then(() => {}),
    all: () => run<PendingImage[]>(name, 'readonly', s => s.getAll() as IDBRequest<PendingImage[]>),
  }
}
