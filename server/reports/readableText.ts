/**
 * A report's text for reading and comparing (the versions page): each section as ProseMirror
 * JSON, and who wrote its characters where the document knows it. Every Yjs item carries the
 * client id that made it and the hub binds each client id to the account that first wrote under
 * it (server/collab/clientIdOwners.ts), so a run of characters has an author — except text the
 * server wrote itself (a restore, a Word import), which stays unattributed.
 */
import * as Y from 'yjs'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { Schema } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { readMeta, readSections } from '#shared/reportDoc'
import { findUser } from '../repos/users'
import { useStore } from '../store'

/** Any Yjs type (their content types differ: text, element, fragment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>

/** Characters `from`–`to` (ProseMirror positions) written by `author` (a name, '' when unknown). */
export interface AuthorRun { from: number, to: number, author: string }

export interface ReadableSection { id: string, title: string, doc: Record<string, unknown>, authors: AuthorRun[] }

interface ClientRun { from: number, to: number, client: number }

/** The runs of characters of a fragment by Yjs client, in ProseMirror positions; [] if the walk disagrees with `size`. */
function clientRuns(fragment: Y.XmlFragment, schema: Schema, size: number): ClientRun[] {
  const runs: ClientRun[] = []
  let pos = 0
  const add = (length: number, client: number) => {
    const last = runs.at(-1)
    if (last && last.client === client && last.to === pos) last.to += length
    else runs.push({ from: pos, to: pos + length, client })
    pos += length
  }
  const walk = (type: YType) => {
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue
      if (!(item.content instanceof Y.ContentType)) {
        add(item.length, item.id.client)
        continue
      }
      const child = item.content.type
      if (child instanceof Y.XmlText) walk(child)
      else if (child instanceof Y.XmlElement && schema.nodes[child.nodeName]?.isLeaf) pos += 1
      else {
        pos += 1
        walk(child)
        pos += 1
      }
    }
  }
  walk(fragment)
  return pos === size ? runs : []
}

/** The sections of `doc` with their authors' names. */
export async function readableText(reportId: string, doc: Y.Doc): Promise<{ title: string, sections: ReadableSection[] }> {
  const schema = chorusSchema()
  const raw = readSections(doc).map((s) => {
    const fragment = doc.getXmlFragment(sectionFragmentName(s.id))
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema)
    return { id: s.id, title: s.title, doc: pm.toJSON() as Record<string, unknown>, runs: clientRuns(fragment, schema, pm.content.size) }
  })
  const names = await authorNames(reportId, [...new Set(raw.flatMap(s => s.runs.map(r => r.client)))])
  const sections = raw.map(({ runs, ...s }) => ({ ...s, authors: runs.map(r => ({ from: r.from, to: r.to, author: names.get(r.client) ?? '' })) }))
  return { title: readMeta(doc).title, sections }
}

/** Account names of Yjs client ids, as the store binds them. */
async function authorNames(reportId: string, clients: number[]): Promise<Map<number, string>> {
  const { db, docs } = await useStore()
  const owners = await docs.clientOwners(reportId, clients)
  const names = new Map<string, string>()
  for (const userId of new Set(owners.values())) names.set(userId, (await findUser(db, userId))?.name ?? '')
  return new Map([...owners].map(([client, userId]) => [client, names.get(userId) ?? '']))
}
