/** Limits of one DOCX import; all are checked before (or while) the file is parsed. */
export interface ImportLimits {
  /** Size of the uploaded file. */
  maxBytes: number
  /** Sum of the uncompressed sizes the zip's central directory declares. */
  maxUncompressedBytes: number
  /** Entries in the zip. */
  maxEntries: number
  /** Wall time of the parse (the worker is terminated after it). */
  timeoutMs: number
  /** Heap of the parsing worker, so an archive that lies about its sizes kills only the worker. */
  maxWorkerHeapMb: number
}

/** Defaults: a long report drafted in Word is a few hundred KiB; these leave a wide margin. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
  timeoutMs: 20_000,
  maxWorkerHeapMb: 512,
}
