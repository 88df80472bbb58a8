import { randomBytes } from 'node:crypto'

/** A url-safe random id (about 96 bits), for reports, sections, users and invitations. */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
