/**
 * Offline writing: with the network gone an author keeps typing (the indicator says offline,
 * with unsynced changes); the page reloads during the outage (service worker) with the text intact
 * (IndexedDB); when the
 * connection returns it merges with what others wrote meanwhile, and everyone ends with the
 * server's text.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, expectConnected, openReport, pageText, sectionBody, serverSection, showSection } from './editor.helpers'

test.afterEach(closePages)

test('an offline author keeps typing, survives a reload, and merges with concurrent edits on reconnect', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Offline')
  const report = await createReport(chorus, 'Offline writing', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[3]!
  const { page, context: beaContext } = await newPage(chorus, bea.account)
  const ada = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, report.id)
  await openReport(ada, report.id)

  await caretIn(page, section)
  await page.keyboard.type('Written online.')
  await expectConnected(page)
  await showSection(ada, section)
  await expect(sectionBody(ada, section)).toContainText('Written online.')

  // Offline support is ready once the service worker controls the page and holds its reads.
  await page.waitForFunction(async (id) => {
    const data = await caches.open('chorus-data-v1')
    return !!navigator.serviceWorker.controller && !!(await data.match(`/api/reports/${id}`)) && !!(await data.match('/api/auth/me'))
  }, report.id, { timeout: 15_000 })

  // The network goes away: Bea keeps writing.
  await beaContext.setOffline(true)
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-state', 'offline')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Written offline.')
  await expect(status).toHaveAttribute('data-unsynced', 'true')
  await expect(status).toContainText('Offline · unsynced changes')
  await page.screenshot({ path: 'test-results/editor/offline.png', clip: { x: 0, y: 0, width: 1280, height: 420 } })

  // Meanwhile Ada writes in the same section.
  await caretIn(ada, section, 'start')
  await ada.keyboard.type('Ada meanwhile. ')
  await expectConnected(ada)
  await page.waitForTimeout(1000)
  await expect(sectionBody(ada, section)).not.toContainText('Written offline.')

  // Reload during the outage, with no network at all: the service worker serves the page, the
  // browser's IndexedDB copy brings back the text.
  await page.waitForTimeout(500) // y-indexeddb writes every update at once; give it a moment
  await page.reload()
  await showSection(page, section)
  await expect(sectionBody(page, section)).toContainText('Written offline.')
  await expect(sectionBody(page, section)).not.toContainText('Ada meanwhile.')
  await expect(status).toHaveAttribute('data-state', /offline|connecting|reconnecting/)
  await expect(status).toHaveAttribute('data-unsynced', 'true')

  // The connection returns: both edits are kept, everywhere.
  await beaContext.setOffline(false)
  await expectConnected(page, 30_000)
  await expect(sectionBody(page, section)).toContainText('Ada meanwhile.')
  await expect(sectionBody(ada, section)).toContainText('Written offline.')
  await expect.poll(async () => (await pageText(page, section)) === (await pageText(ada, section)), { timeout: 20_000 }).toBe(true)
  const text = await pageText(ada, section)
  expect(text).toBe('Ada meanwhile. Written online. Written offline.')
  expect((await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe(text)
})
