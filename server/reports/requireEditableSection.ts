/**
 * The rule for writing a section's text from a route (DOCX import), judged on the document it is
 * given — inside a change, that is the live document: the section must exist (404) and the role
 * must be allowed to edit text in its current status (403 for an author once it is `final`), and
 * it must not be generated (403: the summary of recommendations, the follow-up table).
 */
import type * as Y from 'yjs'
import { canEditSectionText } from '#shared/permissions'
import type { Section } from '#shared/schemas/report'
import { readSections } from '#shared/reportDoc'
import { forbidden, notFound } from '../utils/errors'
import { logDenial } from '../utils/logDenial'
import type { DocActor } from './reportDocument'

/** The section `actor` may write text into, or a thrown 404 / 403 (logged). */
export function requireEditableSection(doc: Y.Doc, reportId: string, sectionId: string, actor: DocActor): Section {
  const section = readSections(doc).find(s => s.id === sectionId)
  if (!section) throw notFound('section')
  if (!canEditSectionText(actor.role, section.status)) {
    logDenial({ reason: `write text into a ${section.status} section as ${actor.role}`, userId: actor.user.id, reportId })
    throw forbidden('sectionFinal')
  }
  // Its body is drawn from the rest of the report and never stored (as the websocket guard rules).
  if (section.generated) {
    logDenial({ reason: `write text into a generated (${section.generated}) section`, userId: actor.user.id, reportId })
    throw forbidden('sectionGenerated')
  }
  return section
}
