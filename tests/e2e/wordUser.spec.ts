/**
 * Issue 9, as a Word or Google Docs user meets Chorus: the settings page without console errors
 * (an owner assigned, then taken away again, both kept), the report header's word meter clear of
 * the title at common widths, the app's own dialogs instead of the browser's confirm(), a `main`
 * landmark on the signed-out pages, and visible labels that are the controls' accessible names.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, newPage, openReport } from './editor.helpers'
import { commentOn, selectText } from './comments.helpers'
import { startServer, removeDataDir } from '../support/serverProcess'

test.afterEach(closePages)
test.describe.configure({ timeout: 120_000 })

/** Errors the page logs (console.error, Vue warnings logged as errors, uncaught exceptions). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', e => errors.push(e.message))
  return errors
}

test('the settings page logs no error, and a section owner can be assigned and unassigned (kept on reload)', async ({ chorus }) => {
  const olga = await chorus.newAccount('Olga Owner')
  const report = await createReport(chorus, 'Settings owners report', [{ account: olga.account, role: 'author' }])
  const detail = await chorus.admin.api.call('GET', `/api/reports/${report.id}`)
  const first = detail.sections[0] as { id: string, title: string }
  const ownerOf = async () => ((await chorus.admin.api.call('GET', `/api/reports/${report.id}`)).sections as Array<{ id: string, ownerId: string | null }>).find(s => s.id === first.id)!.ownerId

  const { page } = await newPage(chorus, chorus.admin.account)
  const errors = consoleErrors(page)
  await page.goto(`/reports/${report.id}/settings`)
  const owner = page.getByRole('combobox', { name: `Owner of ${first.title}` })
  await expect(owner).toBeVisible()
  await expect(owner).toHaveText(/Nobody/)
  await page.waitForTimeout(500)
  expect(errors).toEqual([])

  await owner.click()
  await page.getByRole('option', { name: 'Olga Owner' }).click()
  await expect.poll(ownerOf).toBe(olga.account.id)
  await page.reload()
  await expect(owner).toHaveText(/Olga Owner/)

  await owner.click()
  await page.getByRole('option', { name: 'Nobody' }).click()
  await expect.poll(ownerOf).toBeNull()
  await page.reload()
  await expect(owner).toHaveText(/Nobody/)
  expect(errors).toEqual([])
})

/** Whether two boxes share any point (touching edges count as apart). */
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
interface Box { x: number, y: number, width: number, height: number }
/** The header word meter's line: its label ("Report") and its count ("0 / 10,000 words"). */
const METER_ROW = 'header [data-testid="report-words"] > div:first-child'

test('the report header keeps the title, role, connection and word meter apart at 1024, 1280 and 1440 px', async ({ chorus }) => {
  const report = await createReport(chorus, 'Alternative report on the implementation of the Convention on the Rights of the Child by the Republic of Examplia')
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.setViewportSize({ width: 1280, height: 800 })
  await openReport(page, report.id)
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 })
    const box = async (selector: string) => page.locator(selector).first().boundingBox()
    const header = page.locator('header').first()
    const parts: Array<[string, Box | null]> = [
      ['title', await header.getByTestId('report-title').boundingBox()],
      ['role', await header.getByTestId('my-role').boundingBox()],
      ['connection', await header.getByTestId('connection-status').boundingBox()],
      ['meter label', await box(`${METER_ROW} > span:first-child`)],
      ['meter count', await box(`${METER_ROW} > span:last-child`)],
    ]
    const shown = parts.filter((p): p is [string, Box] => p[1] !== null && p[1].width > 0)
    if (width >= 1280) expect(shown.map(p => p[0]), `${width} px`).toEqual(['title', 'role', 'connection', 'meter label', 'meter count'])
    else expect(shown.map(p => p[0]), `${width} px: the header meter gives way to the outline's`).toEqual(['title', 'role', 'connection'])
    // The title keeps some room to be read.
    expect(shown[0]![1].width, `${width} px: title width`).toBeGreaterThan(120)
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i]![1], shown[j]![1]), `${width} px: ${shown[i]![0]} / ${shown[j]![0]}`).toBe(false)
    }
    if (width >= 1280) {
      const label = shown[3]![1]
      const count = shown[4]![1]
      // "Report" and "0 / 10,000 words" read as two things, not "Report0 / 10,000 words".
      expect(count.x - (label.x + label.width), `${width} px: gap between the meter's label and count`).toBeGreaterThanOrEqual(6)
      expect(await page.locator(`${METER_ROW} > span:first-child`).evaluate(el => el.scrollWidth <= el.clientWidth), `${width} px: meter label not cut`).toBe(true)
    }
  }
})

/** Visible controls with visible words whose aria-label does not contain those words (a select shows its value, not a label: left out). */
function labelMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], [role="tab"], [role="menuitem"], [role="radio"], [role="checkbox"]')) {
      const label = el.getAttribute('aria-label')
      if (!label || !el.checkVisibility() || el.getAttribute('role') === 'combobox') continue
      const visible = words(el.innerText)
      if (visible && !words(label).includes(visible)) out.push(`“${el.innerText.trim()}” named “${label}”`)
    }
    return out
  })
}

test('visible labels are the accessible names of buttons and links (WCAG 2.5.3)', async ({ chorus }) => {
  const report = await createReport(chorus, 'Labels report')
  await chorus.admin.api.call('POST', `/api/reports/${report.id}/versions`, { name: 'First draft' })
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.setViewportSize({ width: 1440, height: 900 })
  await openReport(page, report.id)
  await expect(page.getByRole('button', { name: 'All sections', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'One section', exact: true })).toBeVisible()
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 })
    expect(await labelMismatches(page), `report page at ${width} px`).toEqual([])
  }
  // Where the labels are hidden (narrow screens) the name is the label itself.
  await expect(page.getByRole('button', { name: 'One section', exact: true })).toBeVisible()
  await page.setViewportSize({ width: 1440, height: 900 })
  for (const path of ['/', `/reports/${report.id}/settings`, `/reports/${report.id}/members`, `/reports/${report.id}/versions`, '/account', '/admin/users']) {
    await page.goto(path)
    await expect(page.locator('h1').first()).toBeVisible()
    expect(await labelMismatches(page), path).toEqual([])
  }
})

test('a thread whose words were deleted is named by the words it shows (WCAG 2.5.3)', async ({ chorus }) => {
  const report = await createReport(chorus, 'Removed quote report')
  const section = report.sectionIds[0]!
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.setViewportSize({ width: 1280, height: 860 })
  await openReport(page, report.id)
  await caretIn(page, section)
  await page.keyboard.type(' These doomed words go.')
  await commentOn(page, section, 'doomed words')
  await page.getByTestId('new-thread').getByTestId('comment-input').pressSequentially('Cut this?')
  await page.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  const card = page.getByTestId('comment-thread').filter({ hasText: 'Cut this?' })
  await expect(card).toBeVisible()
  await selectText(page, section, 'doomed words')
  await page.keyboard.press('Backspace')
  await expect(card.getByTestId('text-removed')).toBeVisible()
  await page.mouse.move(0, 0)
  expect(await labelMismatches(page)).toEqual([])
  await expect(card.getByRole('button', { name: /doomed words/ })).toBeVisible()
})

/** Buttons that ask before they remove, in the app's own dialog: Cancel keeps, the named button removes. */
test('removing a section or a member asks in the app\'s dialog, not the browser\'s', async ({ chorus }) => {
  const olga = await chorus.newAccount('Olga Member')
  const report = await createReport(chorus, 'Dialogs report', [{ account: olga.account, role: 'author' }])
  const detail = await chorus.admin.api.call('GET', `/api/reports/${report.id}`)
  const last = detail.sections.at(-1) as { id: string, title: string }
  const sectionIds = async () => ((await chorus.admin.api.call('GET', `/api/reports/${report.id}`)).sections as Array<{ id: string }>).map(s => s.id)
  const { page } = await newPage(chorus, chorus.admin.account)
  const browserDialogs: string[] = []
  page.on('dialog', (d) => {
    browserDialogs.push(d.message())
    void d.dismiss()
  })

  await page.goto(`/reports/${report.id}/settings`)
  await page.getByRole('button', { name: `Remove ${last.title}` }).click()
  let dialog = page.getByRole('dialog', { name: `Remove “${last.title}”?` })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('This cannot be undone from the editor.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await sectionIds()).toContain(last.id)
  await page.getByRole('button', { name: `Remove ${last.title}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove section' }).click()
  await expect.poll(sectionIds).not.toContain(last.id)
  await expect(page.getByRole('button', { name: `Remove ${last.title}` })).toHaveCount(0)

  const members = async () => ((await chorus.admin.api.call('GET', `/api/reports/${report.id}/members`)).members as Array<{ userId: string }>).map(m => m.userId)
  await page.goto(`/reports/${report.id}/members`)
  await page.getByRole('button', { name: 'Remove Olga Member' }).click()
  dialog = page.getByRole('dialog', { name: 'Remove Olga Member?' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await members()).toContain(olga.account.id)
  await page.getByRole('button', { name: 'Remove Olga Member' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove from the report' }).click()
  await expect.poll(members).not.toContain(olga.account.id)
  expect(browserDialogs).toEqual([])
})

/** axe-core's landmark rules only (the full WCAG run is in the other specs). */
async function landmarkViolations(page: Page): Promise<string[]> {
  const { readFileSync } = await import('node:fs')
  const { createRequire } = await import('node:module')
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string, nodes: Array<{ target: string[] }> }> }> } }).axe
    const rules = ['landmark-one-main', 'region', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-unique', 'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo']
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules } })
    return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  })
}

test('the sign-in, invitation and setup pages have a main landmark and all their content in landmarks', async ({ chorus, browser }) => {
  const report = await createReport(chorus, 'Landmarks report')
  const { url } = await chorus.admin.api.call('POST', `/api/reports/${report.id}/invitations`, { role: 'reviewer', expiresInDays: 7 })
  const context = await browser.newContext({ baseURL: chorus.server.url })
  const page = await context.newPage()
  await page.goto('/login')
  await expect(page.getByRole('main')).toContainText('Sign in')
  expect(await landmarkViolations(page), 'login').toEqual([])
  await page.goto(url)
  await expect(page.getByRole('main')).toContainText('Landmarks report')
  expect(await landmarkViolations(page), 'invitation').toEqual([])
  await context.close()

  // Setup is only shown on an empty workspace.
  const fresh = await startServer()
  const setupContext = await browser.newContext({ baseURL: fresh.url })
  try {
    const setup = await setupContext.newPage()
    await setup.goto('/setup')
    await expect(setup.getByRole('main').getByRole('button')).not.toHaveCount(0)
    expect(await landmarkViolations(setup), 'setup').toEqual([])
  } finally {
    await setupContext.close()
    await fresh.stop()
    removeDataDir(fresh.dataDir)
  }
})
