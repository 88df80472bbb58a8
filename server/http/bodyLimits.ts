/**
 * How many request-body bytes each route may send: one table, the reason beside each limit.
 * Enforced for every request by middleware/02.bodyLimit.ts while the bytes arrive, whatever the
 * framing (a 512 MiB chunked login once took the server from 116 MB to 1.6 GB before a 400).
 * A route not listed takes no body: any body sent to it is refused (413), never read into memory.
 */
import { DEFAULT_IMPORT_LIMITS } from '../docx/import/importLimits'
import { imageConfig } from '../images/imageConfig'

const KiB = 1024
const MiB = 1024 * KiB

/**
 * No request without a valid session may send more, whatever the route. An account's name,
 * email and password are under 1 KiB; anything bigger from someone unknown is an attack.
 */
export const ANONYMOUS_MAX_BYTES = 16 * KiB
/** Signed-in JSON: a report's meta or a section's fields are a few KiB; a wide margin, still bounded. */
const JSON_MAX_BYTES = 1 * MiB
/** The DOCX upload: the file limit the importer enforces, plus the multipart envelope around it. */
const UPLOAD_MAX_BYTES = DEFAULT_IMPORT_LIMITS.maxBytes + 64 * KiB

interface BodyLimit {
  /** `METHOD /path`, `:name` standing for one path segment. */
  route: string
  maxBytes: number
  why: string
}

export const BODY_LIMITS: readonly BodyLimit[] = [
  { route: 'POST /api/setup', maxBytes: ANONYMOUS_MAX_BYTES, why: 'anonymous: the first account (name, email, password)' },
  { route: 'POST /api/auth/login', maxBytes: ANONYMOUS_MAX_BYTES, why: 'anonymous: email and password' },
  { route: 'POST /api/invitations/:token/accept', maxBytes: ANONYMOUS_MAX_BYTES, why: 'anonymous: nothing, or a new account' },
  { route: 'POST /api/auth/password', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: the current and the new password' },
  { route: 'PATCH /api/auth/me', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: the interface language' },
  { route: 'POST /api/users', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: a new account' },
  { route: 'POST /api/inbox/read', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: up to 1,000 item ids' },
  { route: 'POST /api/reports', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: a new report\'s meta fields' },
  { route: 'PATCH /api/reports/:id', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: meta fields' },
  { route: 'POST /api/reports/:id/members', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: email and role' },
  { route: 'POST /api/reports/:id/invitations', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: role and expiry' },
  { route: 'POST /api/reports/:id/sections', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: a section\'s fields' },
  { route: 'PATCH /api/reports/:id/sections/:sectionId', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: a section\'s fields' },
  { route: 'POST /api/reports/:id/sections/order', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: up to 500 section ids' },
  { route: 'POST /api/reports/:id/versions', maxBytes: JSON_MAX_BYTES, why: 'signed-in JSON: a version\'s name' },
  { route: 'POST /api/reports/:id/sections/:sectionId/import', maxBytes: UPLOAD_MAX_BYTES, why: 'a .docx upload (server/docx/import/importLimits.ts)' },
  { route: 'POST /api/imports/report-preview', maxBytes: UPLOAD_MAX_BYTES, why: 'a .docx upload: a whole report\'s draft, previewed (server/docx/import/importLimits.ts)' },
  { route: 'POST /api/reports/from-word', maxBytes: UPLOAD_MAX_BYTES, why: 'the same .docx again with the settings and targets chosen in the preview' },
  { route: 'POST /api/reports/:id/concluding-observations', maxBytes: UPLOAD_MAX_BYTES, why: 'concluding observations: pasted text (JSON) or a .docx / .txt file of them' },
  { route: 'POST /api/reports/:id/import-reviewed', maxBytes: UPLOAD_MAX_BYTES, why: 'a reviewed copy of the report\'s .docx export (server/docx/import/importLimits.ts)' },
  { route: 'PUT /api/reports/:id/images/:sha256', maxBytes: imageConfig.maxImageBytes, why: 'a figure\'s picture, raw bytes (CHORUS_IMAGE_MAX_BYTES, server/images/imageConfig.ts)' },
]

const compiled = BODY_LIMITS.map(({ route, maxBytes }) => {
  const [method, path] = route.split(' ') as [string, string]
  return { method, segments: path.split('/'), maxBytes }
})

/** The most body bytes `method pathname` may send; 0 for a route that takes no body (or no route). */
export function bodyLimitFor(method: string, pathname: string): number {
  const segments = pathname.split('/')
  const match = compiled.find(l => l.method === method && l.segments.length === segments.length
    && l.segments.every((s, i) => s.startsWith(':') ? segments[i] !== '' : s === segments[i]))
  return match?.maxBytes ?? 0
}
