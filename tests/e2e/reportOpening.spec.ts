/**
 * Opening a report: its websocket opens as the navigation to the page begins — before the page
 * asks for the report's details — and the page adopts that one connection (no second socket, no
 * socket left behind when the navigation goes elsewhere). docs/performance.md says why.
 */
import type { Page, WebSocket } from '@playwright/test'
import { test, expect } from './fixtures'
import { closePages, createReport, expectConnected, newPage, sectionBody } from './editor.helpers'

test.afterEach(closePages)

/** The report websockets a page opens, and the moment each one and the report's details were asked for. */
function watchOpening(page: Page, reportId: string) {
  const events: string[] = []
  const sockets: WebSocket[] = []
  page.on('websocket', (ws) => {
    if (!ws.url().includes(`/api/collab/${reportId}`)) return
    sockets.push(ws)
    events.push('socket')
  })
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/reports/${reportId}`) events.push('details')
  })
  return { events, sockets }
}

test('a page load opens the report\'s one websocket before the page asks for the report', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Opening')
  const report = await createReport(chorus, 'Opening early', [{ account: bea.account, role: 'author' }])
  const { page } = await newPage(chorus, bea.account)
  const seen = watchOpening(page, report.id)

  await page.goto(`/reports/${report.id}`)
  await expectConnected(page, 30_000)
  await expect(sectionBody(page, report.textSectionIds[0]!)).toBeVisible()
  expect(seen.events.indexOf('socket')).toBeGreaterThanOrEqual(0)
  expect(seen.events.indexOf('socket')).toBeLessThan(seen.events.indexOf('details'))
  // The page adopted that connection: it types through it, and no second one was opened.
  await sectionBody(page, report.textSectionIds[0]!).click()
  await page.keyboard.type('Typed through the early socket.')
  await expectConnected(page)
  expect(seen.sockets).toHaveLength(1)
  expect(seen.sockets[0]!.isClosed()).toBe(false)
})

test('going to a report from the list opens one websocket, and leaving the report closes it', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Navigating')
  const report = await createReport(chorus, 'Opening from the list', [{ account: bea.account, role: 'author' }])
  const { page } = await newPage(chorus, bea.account)
  const seen = watchOpening(page, report.id)
  await page.goto('/')
  await page.getByRole('link', { name: /Opening from the list/ }).first().click()
  await expect(page).toHaveURL(new RegExp(`/reports/${report.id}$`))
  await expectConnected(page, 30_000)
  expect(seen.sockets).toHaveLength(1)
  // Back to the list (in the app, no page load): the socket closes with the report page.
  await page.goBack()
  await expect(page).toHaveURL(/\/$/)
  await expect.poll(() => seen.sockets.every(ws => ws.isClosed()), { timeout: 10_000 }).toBe(true)
})

test('a signed-out visit to a report goes to sign-in, then to the report over a new connection', async ({ chorus, browser }) => {
  const bea = await chorus.newAccount('Bea Signing In')
  const report = await createReport(chorus, 'Opening signed out', [{ account: bea.account, role: 'author' }])
  const context = await browser.newContext({ baseURL: chorus.server.url })
  const page = await context.newPage()
  const seen = watchOpening(page, report.id)
  await page.goto(`/reports/${report.id}`)
  await expect(page).toHaveURL(/\/login/)
  // The connection opened as the app started was refused (no session) and is closed.
  await expect.poll(() => seen.sockets.length > 0 && seen.sockets.every(ws => ws.isClosed()), { timeout: 10_000 }).toBe(true)
  await page.getByLabel('Email').fill(bea.account.email)
  await page.getByLabel('Password').fill(bea.account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`/reports/${report.id}$`))
  await expectConnected(page, 30_000)
  await expect(sectionBody(page, report.textSectionIds[0]!)).toBeVisible()
  expect(seen.sockets.filter(ws => !ws.isClosed())).toHaveLength(1)
  await context.close()
})
