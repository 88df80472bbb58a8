/**
 * The one error type of the importer, with a code the HTTP route maps to a status
 * (`not-docx`/`corrupt` → 400, `too-large`/`zip-bomb` → 413, `timeout` → 422 or 503) and a
 * message that can be shown to the user as is.
 */

/** Why an import was refused. */
export type DocxImportErrorCode = 'not-docx' | 'too-large' | 'zip-bomb' | 'timeout' | 'corrupt'

/** An import refused for a reason the user can act on. */
export class DocxImportError extends Error {
  override readonly name = 'DocxImportError'

  constructor(readonly code: DocxImportErrorCode, message: string) {
    super(message)
  }
}
