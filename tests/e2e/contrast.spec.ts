/**
 * Everyone can read it: axe-core (WCAG 2.1 A/AA) finds no colour-contrast failure on any page, in
 * the light theme and in the dark theme that follows the system setting (prefers-color-scheme),
 * with real review data on the pages: a comment thread, a suggested replacement, a tracked change
 * with its Accept / Reject, a reply being written, the reject-reason and shortcuts dialogs, a
 * saved version and its comparison with the current text. Screenshots: test-results/contrast/.
 */
import type { Page } from '@playwright/test'
import { axeViolations } from './suggestions.helpers'
import { test as base, expect } from './fixtures'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, sectionBody } from './editor.helpers'
import { commentOn, threadCard } from './comments.helpers'

const test = base.extend<object, { fresh: ServerHandle }>({
  // A workspace with no account yet: the only state in which the setup page is shown.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fresh: [async ({}, use) => {
    const server = await startServer()
    await use(server)
    await server.stop()
    removeDataDir(server.dataDir)
  }, { scope: 'worker' }],
})

test.describe.configure({ timeout: 600_000 })
test.afterEach(closePages)

const SCHEMES = ['light', 'dark'] as const

const CONTRAST_RULES = ['color-contrast', 'link-in-text-block']

/** axe-core's contrast failures (WCAG 2 A/AA tags) inside `selectors`, each with its colours and ratio. */
async function contrastFailures(page: Page, selectors: string[]): Promise<string[]> {
  return (await axeViolations(page, selectors)).filter(v => CONTRAST_RULES.includes(v.id))
    .flatMap(v => v.targets.map((t, i) => `${v.id} at ${t}: ${v.messages[i]}`))
}

/**
 * Colour-contrast failures axe finds in `selectors` of the page, in both colour schemes. Other
 * WCAG findings are not this test's subject (landmarks, names: tests of their own), so only the
 * contrast rules count here.
 */
async function contrastIn(page: Page, where: string, selectors = ['body']): Promise<string[]> {
  const found: string[] = []
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    // The app follows the system setting live (@nuxtjs/color-mode puts the class on <html>).
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`))
    // Let colour transitions (buttons, cards) finish before colours are measured.
    await page.waitForTimeout(250)
    await page.screenshot({ path: `test-results/contrast/${where.replace(/\W+/g, '-')}-${scheme}.png` })
    found.push(...(await contrastFailures(page, selectors)).map(f => `${where} (${scheme}): ${f}`))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

test('the setup page has no contrast failure in either theme', async ({ browser, fresh }) => {
  const context = await browser.newContext({ baseURL: fresh.url })
  const page = await context.newPage()
  await page.goto('/setup')
  await expect(page.getByLabel('Your name')).toBeVisible()
  expect(await contrastIn(page, 'setup')).toEqual([])
  await context.close()
})

test('sign-in, its error and an invitation have no contrast failure in either theme', async ({ chorus, browser }) => {
  const report = await createReport(chorus, 'Contrast invitation')
  // Signed out: sign-in and an invitation link.
  const anonymous = await browser.newContext({ baseURL: chorus.server.url })
  const anon = await anonymous.newPage()
  await anon.goto('/login')
  await expect(anon.getByLabel('Email')).toBeVisible()
  expect.soft(await contrastIn(anon, 'login')).toEqual([])
  // A failed sign-in shows its alert.
  await anon.getByLabel('Email').fill('nobody@example.org')
  await anon.getByLabel('Password').fill('not the password')
  await anon.getByRole('button', { name: 'Sign in' }).click()
  await expect(anon.getByRole('alert')).toBeVisible()
  expect.soft(await contrastIn(anon, 'login failed')).toEqual([])
  const { url } = await chorus.admin.api.call('POST', `/api/reports/${report.id}/invitations`, { role: 'author', expiresInDays: 3 })
  await anon.goto(url)
  await expect(anon.getByLabel('Your name')).toBeVisible()
  expect.soft(await contrastIn(anon, 'invitation')).toEqual([])
  await anonymous.close()
})

test('the report page with review data has no contrast failure in either theme, as a reviewer and as the secretariat, in every layout and dialog', async ({ chorus }) => {
  const rui = await chorus.newAccount('Rui Reviewer')
  const report = await createReport(chorus, 'Contrast review', [{ account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!

  // The review data: the secretariat writes, the reviewer comments, proposes a replacement and
  // types a tracked insertion.
  const sam = (await newPage(chorus, chorus.admin.account)).page
  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(sam, report.id)
  await caretIn(sam, section)
  await sam.keyboard.insertText('Children in rural areas lack access to secondary schools.')
  await sam.keyboard.press('Enter')
  await sam.keyboard.insertText('Birth registration is free but slow in the provinces.')
  await expectConnected(sam)

  await openReport(reviewer, report.id)
  await expect(sectionBody(reviewer, section)).toContainText('in the provinces')
  await commentOn(reviewer, section, 'rural areas')
  await reviewer.getByTestId('new-thread').getByTestId('comment-input').pressSequentially('Which regions?')
  await reviewer.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  await expect(threadCard(reviewer, 'rural areas')).toBeVisible()
  await commentOn(reviewer, section, 'but slow', 'suggestion')
  await reviewer.getByTestId('suggestion-input').fill('and quick')
  await reviewer.getByTestId('suggestion-input').press('Enter')
  await reviewer.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  await expect(threadCard(reviewer, 'but slow')).toBeVisible()
  await caretIn(reviewer, section)
  await reviewer.keyboard.type(' Fees apply.')
  await expectConnected(reviewer)
  await expect(sam.getByTestId('comments-panel').getByTestId('tracked-change')).toHaveCount(1)
  expect.soft(await contrastIn(reviewer, 'report, reviewer')).toEqual([])

  // The secretariat's report page: highlights, old → new, Accept buttons, a thread focused, a reply being written.
  await expect(sam.getByTestId('comments-panel').getByTestId('comment-thread')).toHaveCount(2)
  await sectionBody(sam, section).locator('.chorus-comment', { hasText: 'rural areas' }).click()
  await expect(threadCard(sam, 'rural areas')).toHaveAttribute('aria-current', 'true')
  await threadCard(sam, 'rural areas').getByTestId('reply-button').click()
  await expect(threadCard(sam, 'rural areas').getByTestId('comment-input')).toBeVisible()
  expect.soft(await contrastIn(sam, 'report, secretariat')).toEqual([])
  // The one-section view and the wide layout with threads in the margin.
  await sam.setViewportSize({ width: 1600, height: 900 })
  await expect(sam.getByTestId('comments-margin')).toBeVisible()
  expect.soft(await contrastIn(sam, 'report, margin')).toEqual([])
  await sam.getByTestId('focus-mode').click()
  expect.soft(await contrastIn(sam, 'report, one section')).toEqual([])
  await sam.setViewportSize({ width: 1280, height: 860 })

  // Dialogs: rejecting a tracked change asks why; the keyboard shortcuts.
  await sam.getByTestId('comments-panel').getByTestId('reject-suggestion').click()
  await expect(sam.getByRole('dialog')).toBeVisible()
  expect.soft(await contrastIn(sam, 'reject dialog', ['[role="dialog"]'])).toEqual([])
  await sam.keyboard.press('Escape')
  await expect(sam.getByRole('dialog')).toHaveCount(0)
  await sam.keyboard.press('Control+/')
  await expect(sam.getByRole('dialog')).toBeVisible()
  expect.soft(await contrastIn(sam, 'shortcuts dialog', ['[role="dialog"]'])).toEqual([])
  await sam.keyboard.press('Escape')
})

test('the workspace and report pages have no contrast failure in either theme', async ({ chorus }) => {
  const rui = await chorus.newAccount('Rui Reviewer')
  const report = await createReport(chorus, 'Contrast pages', [{ account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  // A version, and the text changed after it (the compare view marks the change).
  const sam = (await newPage(chorus, chorus.admin.account)).page
  await openReport(sam, report.id)
  await caretIn(sam, section)
  await sam.keyboard.insertText('Birth registration is free but slow in the provinces.')
  await expectConnected(sam)
  const { version } = await chorus.admin.api.call('POST', `/api/reports/${report.id}/versions`, { name: 'Before the review' })
  await sam.keyboard.insertText(' Since 2024.')
  await expectConnected(sam)

  const pages: Array<[string, string, (p: Page) => Promise<void>]> = [
    ['reports list', '/', p => expect(p.getByRole('heading', { name: 'My reports' })).toBeVisible()],
    ['new report', '/reports/new', p => expect(p.getByText('CRC alternative report', { exact: true })).toBeVisible()],
    ['settings', `/reports/${report.id}/settings`, p => expect(p.getByRole('heading', { name: 'Report settings' })).toBeVisible()],
    ['members', `/reports/${report.id}/members`, p => expect(p.getByText('Rui Reviewer').first()).toBeVisible()],
    ['versions', `/reports/${report.id}/versions`, p => expect(p.getByText('Before the review').first()).toBeVisible()],
    ['compare', `/reports/${report.id}/compare?version=${version.id}&with=current`, p => expect(p.getByTestId('compare-section').first()).toContainText('Since 2024.')],
    ['account', '/account', p => expect(p.getByRole('heading').first()).toBeVisible()],
    ['admin users', '/admin/users', p => expect(p.getByText('Rui Reviewer').first()).toBeVisible()],
  ]
  for (const [where, path, ready] of pages) {
    await sam.goto(path)
    await ready(sam)
    expect.soft(await contrastIn(sam, where)).toEqual([])
  }
})
