/**
 * A Chorus export's cover (the paragraphs in the exporter's cover styles, which the importer sets
 * apart) → the report's settings. The exporter writes labels in the report's language, so a label
 * is recognised in any of them (server/docx/export/labels.ts, the same table the exporter reads).
 */
import { LANGUAGES } from '#shared/schemas/report'
import type { CoverFields } from '#shared/schemas/reportImport'
import { labelsFor } from '../../docx/export/labels'
import type { CoverLine } from '../../docx/import/htmlToDoc'

const ALL_LABELS = LANGUAGES.map(labelsFor)
const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
const isLabel = (text: string, key: 'submittedBy' | 'members' | 'contact' | 'date') => ALL_LABELS.some(l => same(l[key], text))

/** The settings the cover gives; empty when there is no cover. */
export function readChorusCover(lines: CoverLine[]): CoverFields {
  const out: CoverFields = {}
  if (!lines.length) return out
  let group: 'coalition' | 'members' | 'contact' | 'date' | null = null
  let seenTitle = false
  for (const line of lines) {
    switch (line.role) {
      case 'mark':
        out.confidentiality = 'confidential'
        break
      case 'kicker':
        // With no treaty body the exporter writes "Alternative report" there: not a treaty body.
        if (!ALL_LABELS.some(l => same(l.alternativeReport, line.text))) out.treatyBody = line.text
        break
      case 'title':
        out.title = line.text
        seenTitle = true
        break
      case 'subtitle':
        if (!seenTitle) out.session = line.text
        else out.stateParty = line.strong || line.text.replace(/^[^:]*:\s*/, '')
        break
      case 'label':
        group = isLabel(line.text, 'submittedBy') ? 'coalition' : isLabel(line.text, 'members') ? 'members' : isLabel(line.text, 'contact') ? 'contact' : 'date'
        break
      case 'text':
        if (group === 'coalition') out.coalition = line.strong || line.text
        else if (group === 'members') out.members = [...(out.members ?? []), ...line.text.split(' · ').map(s => s.trim()).filter(Boolean)]
        else if (group === 'contact') out.contact = line.text
        break
      case 'statement':
        out.confidentiality = ALL_LABELS.some(l => same(l.confidentialStatement, line.text)) ? 'confidential' : out.confidentiality ?? 'public'
        break
    }
  }
  return out
}
