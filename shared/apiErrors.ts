/**
 * Every error the API answers with, in one table: a stable code, the HTTP status, and the English
 * message API clients read. The browser shows the code's translation (locales/*.json
 * `apiErrors.<code>`, with the same `{placeholders}`), so a person reads it in their language;
 * tests/unit/i18nKeys.test.ts checks every code here has one in each language.
 */
export const API_ERRORS = {
  signInRequired: { status: 401, message: 'Sign in to continue' },
  forbidden: { status: 403, message: 'You do not have permission to do this' },
  crossSite: { status: 403, message: 'Cross-site requests are not allowed' },
  adminOnly: { status: 403, message: 'Only the workspace administrator can do this' },
  wrongPassword: { status: 401, message: 'Wrong email or password' },
  wrongCurrentPassword: { status: 403, message: 'The current password is wrong' },
  tooManySignIns: { status: 429, message: 'Too many sign-in attempts; try again in {minutes} minute(s)' },
  tooManyAttempts: { status: 429, message: 'Too many attempts; try again later' },
  alreadySetUp: { status: 409, message: 'This workspace is already set up; sign in instead' },
  emailTaken: { status: 409, message: 'An account with this email already exists' },
  cannotRemoveSelf: { status: 409, message: 'You cannot remove your own account' },
  reportNotFound: { status: 404, message: 'No such report' },
  sectionNotFound: { status: 404, message: 'No such section' },
  memberNotFound: { status: 404, message: 'No such member' },
  invitationNotFound: { status: 404, message: 'No such invitation' },
  versionNotFound: { status: 404, message: 'No such version' },
  accountNotFound: { status: 404, message: 'No such account' },
  routeNotFound: { status: 404, message: 'No such API route: {route}' },
  noAccountWithEmail: { status: 404, message: 'No account with this email; create an invitation link instead' },
  lastSecretariat: { status: 409, message: 'A report needs at least one secretariat member' },
  sectionRoleForbidden: { status: 403, message: 'Your role cannot change this section' },
  sectionFinal: { status: 403, message: 'This section is final: only the secretariat can change it' },
  ownerNotMember: { status: 400, message: 'ownerId: not a member of this report' },
  noSuchTemplate: { status: 400, message: 'templateId: no such template' },
  sectionGenerated: { status: 403, message: 'This section is generated from the rest of the report: it holds no text of its own' },
  generatedSectionHasText: { status: 400, message: 'generated: the section has text of its own; move or delete it first, then make the section generated' },
  sectionOrderIncomplete: { status: 400, message: 'ids: must list every section exactly once' },
  invitationUsed: { status: 409, message: 'This invitation link has already been used' },
  invitationExpired: { status: 409, message: 'This invitation link has expired; ask the secretariat for a new one' },
  invitationNeedsAccount: { status: 401, message: 'Sign in or create an account to accept the invitation' },
  invitationEmailExists: { status: 409, message: 'An account with this email exists; sign in first, then open the link again' },
  invitationInvalid: { status: 409, message: 'This invitation link is no longer valid' },
  invalidField: { status: 400, message: '{field}: {detail}' },
  invalidJson: { status: 400, message: 'body: not valid JSON' },
  invalidId: { status: 400, message: '{field}: not a valid id' },
  bodyTooLarge: { status: 413, message: 'The request body is larger than {kib} KiB' },
  bodyNotAllowed: { status: 413, message: 'This request takes no body' },
  bodyEndedEarly: { status: 400, message: 'The request body ended early' },
  importNoFile: { status: 400, message: 'file: attach a .docx file in the field "file"' },
  importTooLarge: { status: 413, message: 'file: the file is larger than {mib} MiB' },
  importTooManyParts: { status: 422, message: 'file: the draft has more than {max} top headings; split it into several files or use fewer top-level headings' },
  importPlanStale: { status: 409, message: 'The file or its parts are not the ones previewed: preview the file again' },
  pdfUnavailable: { status: 503, message: 'This server cannot make PDFs: install LibreOffice (libreoffice-writer-nogui) on it, or set GOTENBERG_URL' },
  pdfFailed: { status: 502, message: 'The PDF could not be made; download the Word file instead, or try again' },
  imageNotFound: { status: 404, message: 'No such image in this report' },
  invalidImageId: { status: 400, message: 'sha256: not a SHA-256 digest (64 lowercase hexadecimal characters)' },
  imageHashMismatch: { status: 400, message: 'The image bytes do not match the SHA-256 in the address' },
  imageSvgRefused: { status: 415, message: 'SVG images cannot be added (they can carry scripts): save the picture as PNG first' },
  imageTypeNotAllowed: { status: 415, message: 'Only PNG, JPEG, GIF and WebP pictures can be added' },
  imageTypeMismatch: { status: 415, message: 'The picture is not the type it was sent as ({claimed}); its bytes are {actual}' },
  imageUnreadable: { status: 400, message: 'The picture\'s size could not be read: the file may be damaged' },
  imageTooLarge: { status: 413, message: 'The picture is larger than {mib} MiB' },
  reportImagesFull: { status: 413, message: 'The report\'s pictures would take more than {mib} MiB: remove pictures that are no longer needed' },
  coNoParagraphs: { status: 400, message: 'text: no numbered paragraphs found; paste the concluding observations with their paragraph numbers (1., 2., …)' },
  coFileType: { status: 400, message: 'file: attach the concluding observations as a .docx or a plain text (.txt) file' },
} as const satisfies Record<string, { status: number, message: string }>

export type ApiErrorCode = keyof typeof API_ERRORS

/** Codes the browser translates without the table (the Word importer's own, server/docx/import/DocxImportError.ts). */
export const IMPORT_ERROR_CODES = ['not-docx', 'corrupt', 'too-large', 'zip-bomb', 'timeout'] as const

/** The English message of `code` with its `{placeholders}` filled in. */
export function apiErrorText(code: ApiErrorCode, params: Record<string, string | number> = {}): string {
  return API_ERRORS[code].message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** Is this string one of the table's codes? */
export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && Object.hasOwn(API_ERRORS, value)
}
