/**
 * Limits on figures' image bytes, read once from the environment. A report's images live in the
 * database (repos/images.ts) and are sent whole with each export, so both numbers bound memory
 * as much as storage.
 */

const int = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw)
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

const MiB = 1024 * 1024

export const imageConfig = {
  /** One image's bytes: a phone photo is 2–5 MB, a chart a few hundred KB. */
  maxImageBytes: int('CHORUS_IMAGE_MAX_BYTES', 10 * MiB),
  /** All of one report's images together (live figures and those only versions still hold). */
  maxReportBytes: int('CHORUS_REPORT_IMAGES_MAX_BYTES', 200 * MiB),
  /**
   * An image no figure uses is deleted only once it is this old: an upload waits for its figure
   * node (the node may arrive after the bytes, e.g. from an editor that was offline).
   */
  reclaimGraceMs: int('CHORUS_IMAGE_RECLAIM_GRACE_MS', 24 * 60 * 60 * 1000),
}

/** The image types a figure may hold. SVG is not among them: it can carry script. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]
