/**
 * What the cross-reference picker offers: the report's numbered paragraphs (with their first
 * words), headings, recommendations / questions and figures, in section order, each with the text a
 * reference to it would show. Read from the Y.Doc when the picker opens (every section, including
 * those without an editor yet); blocks that have no `refId` are numbered under a temporary id.
 *
 * Who may pick what: a target that already has a refId, anyone who may insert a reference; one
 * without, only someone who may edit its section's text (picking it writes the refId there, an
 * edit the server's guard judges like any other). docs/cross-references.md.
 */
import * as Y from 'yjs'
import { sectionFragmentName } from '#shared/docNames'
import { citable, referenceText } from '#shared/crossReferenceText'
import { numberJsonReport } from '#shared/reportNumbering'
import type { JsonNode, NumberedTarget, TargetKind } from '#shared/reportNumbering'
import type { ReportMeta, Section } from '#shared/schemas/report'
import { yBlockJson } from '#shared/yBlockJson'

const PREVIEW_WORDS = 14
const KINDS: Record<string, TargetKind> = { paragraph: 'paragraph', heading: 'heading', recommendation: 'recommendation', figure: 'figure' }

/** One target in the picker. */
export interface PickTarget {
  key: string
  kind: TargetKind
  /** The reference's text ("para. 27"). */
  text: string
  /** The block's first words. */
  preview: string
  sectionId: string
  sectionTitle: string
  /** Its refId, or null when picking it must give it one. */
  refId: string | null
  element: Y.XmlElement
}

/** The refId a block gets when first referred to: from its Yjs id, so two people picking it at once write the same. */
export function refIdFor(element: Y.XmlElement): string {
  const id = element._item?.id
  return id ? `x${id.client.toString(36)}_${id.clock.toString(36)}` : `x${Math.random().toString(36).slice(2, 12)}`
}

function words(node: JsonNode): string {
  const text = (n: JsonNode): string => (typeof n.text === 'string' ? n.text : (n.content ?? []).map(text).join(n.type === 'doc' || n.type === 'recommendation' ? ' ' : ''))
  const all = text(node).replace(/\s+/g, ' ').trim().split(' ')
  return all.slice(0, PREVIEW_WORDS).join(' ') + (all.length > PREVIEW_WORDS ? '…' : '')
}

/** The targets of the report, for someone who may write refIds in the sections `mayEdit` accepts. */
export function listTargets(doc: Y.Doc, meta: ReportMeta, sections: Section[], mayEdit: (s: Section) => boolean): PickTarget[] {
  const blocks: Array<{ section: Section, element: Y.XmlElement, json: JsonNode, id: string, own: string | null }> = []
  const bodies = sections.map((section) => {
    const content: JsonNode[] = []
    for (const child of doc.getXmlFragment(sectionFragmentName(section.id)).toArray()) {
      if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) continue
      const json = yBlockJson(child)[0] ?? { type: 'text' }
      if (child instanceof Y.XmlElement && KINDS[json.type]) {
        const own = typeof json.attrs?.refId === 'string' && json.attrs.refId ? json.attrs.refId : null
        const id = own ?? `tmp${blocks.length}`
        json.attrs = { ...json.attrs, refId: id }
        blocks.push({ section, element: child, json, id, own })
      }
      content.push(json)
    }
    return { id: section.id, countsTowardLimit: section.countsTowardLimit, content: { type: 'doc', content } }
  })
  const numbers = numberJsonReport(bodies, { numberedParagraphs: meta.numberedParagraphs })
  const out: PickTarget[] = []
  for (const b of blocks) {
    const target: NumberedTarget | undefined = numbers.byRefId.get(b.id)
    // Unnumbered paragraphs cannot be cited by number; a joined block has no place of its own.
    if (!citable(target) || target.joined) continue
    if (!b.own && !mayEdit(b.section)) continue
    out.push({
      key: b.id,
      kind: target.kind,
      text: referenceText(target, meta.language),
      preview: words(b.json),
      sectionId: b.section.id,
      sectionTitle: b.section.title,
      refId: b.own,
      element: b.element,
    })
  }
  return out
}
