/**
 * Reclaiming figures' pictures, on both engines: an image is deleted only when it is older than
 * the grace period AND neither the report's stored document nor any saved version refers to it.
 * The document and the versions are written as the app writes them (update log, compaction,
 * `Y.encodeStateAsUpdate` versions); the figures are the `figure` elements the editor stores.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionFragmentName } from '#shared/docNames'
import { openStore } from '../../server/store'
import type { Store } from '../../server/store'
import { createUser } from '../../server/repos/users'
import { insertReport } from '../../server/repos/reports'
import { saveVersion } from '../../server/repos/versions'
import { getImage, putImage } from '../../server/repos/images'
import { reclaimUnusedImages } from '../../server/images/reclaimImages'
import { compactFromStore } from '../../server/collab/persistence'
import { freshPostgresUrl, postgresAvailable } from '../support/databases'
import { makePng, sha256Hex } from '../fixtures-gen/testImages'

const HOUR = 3600_000
const GRACE = 24 * HOUR

const engines = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chorus-reclaim-'))
      process.env.DATA_DIR = dir
      const store = await openStore('')
      return { store, cleanup: async () => { await store.db.close(); rmSync(dir, { recursive: true, force: true }) } }
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const { url, drop } = await freshPostgresUrl()
      const store = await openStore(url)
      return { store, cleanup: async () => { await store.db.close(); await drop() } }
    },
  },
]

const pgReachable = await postgresAvailable()
if (!pgReachable && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL is required (REQUIRE_SERVICES=1) but not reachable')

/** A figure element as y-prosemirror stores the node: attributes on an XmlElement, the caption as its text. */
function addFigure(doc: Y.Doc, sectionId: string, imageId: string, inTable = false): Y.XmlElement {
  const figure = new Y.XmlElement('figure')
  figure.setAttribute('imageId', imageId)
  figure.setAttribute('alt', 'alt text')
  figure.insert(0, [new Y.XmlText('A caption')])
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  if (!inTable) {
    fragment.push([figure])
    return figure
  }
  const table = new Y.XmlElement('table')
  const row = new Y.XmlElement('tableRow')
  const cell = new Y.XmlElement('tableCell')
  fragment.push([table])
  table.push([row])
  row.push([cell])
  cell.push([figure])
  return figure
}

function image(seed: number) {
  const data = makePng(8, 8, seed)
  return { sha256: sha256Hex(data), mime: 'image/png', byteSize: data.length, width: 8, height: 8, data }
}

for (const engine of engines) {
  describe.skipIf(engine.name === 'postgres' && !pgReachable)(`image reclaim on ${engine.name}`, () => {
    let store: Store
    let cleanup: () => Promise<void>
    let userId: string
    beforeAll(async () => {
      ({ store, cleanup } = await engine.open())
      userId = (await createUser(store.db, { name: 'Ada', email: `ada-${engine.name}@example.org`, password: 'a long password' })).id
    })
    afterAll(async () => cleanup?.())

    async function newReport(id: string): Promise<{ doc: Y.Doc, commit: () => Promise<void> }> {
      await insertReport(store.db, { id, title: 'Figures', templateId: 'blank', createdBy: userId, summary: { meta: { title: 'Figures' } } as never })
      const doc = new Y.Doc()
      let sent: Uint8Array = Y.encodeStateVector(new Y.Doc())
      return {
        doc,
        // Like the hub: each change goes to the update log as the diff since the last one.
        commit: async () => {
          await store.docs.append(id, [Y.encodeStateAsUpdate(doc, sent)])
          sent = Y.encodeStateVector(doc)
        },
      }
    }

    it('deletes only old images that neither the document nor a version uses', async () => {
      const reportId = `reclaim-${engine.name}-1`
      const { doc, commit } = await newReport(reportId)
      const [live, inTable, versionOnly, unused, fresh] = [1, 2, 3, 4, 5].map(image)
      const now = Date.now()
      for (const img of [live, inTable, versionOnly, unused]) await putImage(store.db, reportId, img!, userId, now - 2 * GRACE)
      await putImage(store.db, reportId, fresh!, userId, now - HOUR)

      addFigure(doc, 'sec1', live!.sha256)
      addFigure(doc, 'sec2', inTable!.sha256, true)
      const removed = addFigure(doc, 'sec1', versionOnly!.sha256)
      await commit()
      // A version holds the third figure; then it is deleted from the document.
      await saveVersion(store.db, { reportId, name: 'Before the cut', data: Y.encodeStateAsUpdate(doc), createdBy: userId })
      doc.getXmlFragment(sectionFragmentName('sec1')).delete(removed.parent === null ? 0 : 1, 1)
      await commit()
      await compactFromStore(store.docs, reportId)

      const result = await reclaimUnusedImages(store, reportId, now, GRACE)
      expect(result.candidates).toBe(4)
      expect(result.deleted).toEqual([unused!.sha256])
      expect(await getImage(store.db, reportId, unused!.sha256)).toBeUndefined()
      for (const kept of [live, inTable, versionOnly, fresh]) expect(await getImage(store.db, reportId, kept!.sha256)).toBeDefined()
    })

    it('keeps an image whose bytes were uploaded again within the grace period (its figure is on its way)', async () => {
      const reportId = `reclaim-${engine.name}-2`
      const { doc, commit } = await newReport(reportId)
      addFigure(doc, 'sec1', 'a'.repeat(64))
      await commit()
      const img = image(9)
      const now = Date.now()
      await putImage(store.db, reportId, img, userId, now - 2 * GRACE)
      // The same bytes again, an hour ago: not a new row, but the grace starts over.
      expect(await putImage(store.db, reportId, img, userId, now - HOUR)).toBe(false)
      expect((await reclaimUnusedImages(store, reportId, now, GRACE)).deleted).toEqual([])
      // A day later nothing uses it yet: reclaimed.
      expect((await reclaimUnusedImages(store, reportId, now + GRACE, GRACE)).deleted).toEqual([img.sha256])
    })

    it('reads nothing when no image is older than the grace period, and the report\'s deletion takes its images', async () => {
      const reportId = `reclaim-${engine.name}-3`
      await newReport(reportId)
      const img = image(11)
      await putImage(store.db, reportId, img, userId)
      expect(await reclaimUnusedImages(store, reportId, Date.now(), GRACE)).toEqual({ candidates: 0, deleted: [] })
      await store.db.run('DELETE FROM reports WHERE id = ?', [reportId])
      expect(await getImage(store.db, reportId, img.sha256)).toBeUndefined()
    })
  })
}
