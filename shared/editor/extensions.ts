/**
 * The one list of editor extensions, and so the one ProseMirror schema, shared by the browser
 * editor, the server's Y.Doc ⇄ JSON conversion and the DOCX exporter and importer.
 * No Vue, no Nitro, no DOM here. Collaboration extensions are added by the browser editor only.
 */
import { Node, getSchema } from '@tiptap/core'
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Table, TableRow, TableHeader, TableCell } from '@tiptap/extension-table'
import { FootnoteReference, Footnotes, Footnote } from './footnotes'
import { Deletion, Insertion, ParagraphSuggestions } from './suggestionMarks'
import { Subscript, Superscript } from './scriptMarks'
import { PageBreak, PageBreakKeys } from './pageBreak'
import { Figure } from './figure'
import { BlockRefIds } from './blockRefIds'
import { Recommendation } from './recommendation'
import { FollowUpAttribute } from './followUpAttribute'
import { CrossReference } from './crossReference'

/** Link protocols a report may carry; anything else (javascript:, data:) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

/** Headings inside a section body: the section title itself is level 1. */
export const HEADING_LEVELS = [2, 3, 4] as const

/** A section body: blocks, then at most one footnotes list at the end. */
const SectionDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+ footnotes?',
})

/** Safe link check shared by the editor, the importer and the exporter. */
export function isAllowedHref(href: string): boolean {
  try {
    const url = new URL(href)
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol.replace(/:$/, ''))
  } catch {
    return false
  }
}

/** The schema-defining extensions. */
export function chorusExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      undoRedo: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: url => isAllowedHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    SectionDocument,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    FootnoteReference,
    Footnotes,
    Footnote,
    PageBreak,
    PageBreakKeys,
    Figure,
    BlockRefIds,
    Recommendation,
    FollowUpAttribute,
    CrossReference,
    Superscript,
    Subscript,
    Insertion,
    Deletion,
    ParagraphSuggestions,
  ]
}

let cachedSchema: ReturnType<typeof getSchema> | null = null

/** The ProseMirror schema of a section body (built once). */
export function chorusSchema() {
  cachedSchema ??= getSchema(chorusExtensions())
  return cachedSchema
}
