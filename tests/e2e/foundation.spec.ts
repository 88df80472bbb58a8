/**
 * The first hour of a coalition with Chorus, in a real browser: set up the workspace, sign in,
 * start a CRC alternative report, invite a reviewer by link; the reviewer creates an account from
 * the link and sees the report read-only. Also takes the dashboard screenshot for the README.
 */
import { test as base, expect } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'

const test = base.extend<object, { fresh: ServerHandle }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fresh: [async ({}, use) => {
    const server = await startServer()
    await use(server)
    await server.stop()
    removeDataDir(server.dataDir)
  }, { scope: 'worker' }],
})

test('setup → sign in → create a CRC report → invite a reviewer → the reviewer reads it', async ({ browser, fresh }) => {
  test.slow()
  const admin = await browser.newContext({ baseURL: fresh.url })
  const page = await admin.newPage()
  const external: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(fresh.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url())
  })

  // Every page leads to setup while there is no account.
  await page.goto('/reports/new')
  await expect(page).toHaveURL(/\/setup$/)
  await page.getByLabel('Your name').fill('Amina Secretariat')
  await page.getByLabel('Email').fill('amina@network.example')
  await page.getByLabel('Password').fill('secretariat-pass-1')
  await page.getByRole('button', { name: 'Create administrator account' }).click()
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible()
  await expect(page.getByText('No reports yet')).toBeVisible()

  // Sign out and in again.
  await page.getByRole('button', { name: /Account menu/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
  await page.getByLabel('Email').fill('amina@network.example')
  await page.getByLabel('Password').fill('wrong-password-here')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong email or password')
  await page.getByLabel('Password').fill('secretariat-pass-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible()

  // Start a CRC alternative report.
  await page.getByRole('link', { name: 'Start a report' }).click()
  await page.getByText('CRC alternative report', { exact: true }).click()
  await page.getByLabel('Title').fill('Alternative report on the rights of the child')
  await page.getByLabel('State party').fill('Republic of Examplia')
  await page.getByRole('textbox', { name: 'Coalition' }).fill('Examplia Child Rights Network')
  await page.getByRole('button', { name: 'Create report' }).click()
  await expect(page).toHaveURL(/\/reports\/(?!new$)[\w-]{6,}$/)
  const reportUrl = page.url()
  const reportId = /\/reports\/([\w-]+)/.exec(reportUrl)![1]!
  await expect(page.getByRole('heading', { name: 'V. Violence against children' })).toBeAttached()

  // Invite a reviewer by link.
  await page.goto(`/reports/${reportId}/members`)
  await page.getByRole('combobox').first().click()
  await page.getByRole('option', { name: /Reviewer/ }).click()
  await page.getByRole('button', { name: 'Create link' }).click()
  const linkBox = page.getByRole('textbox', { name: 'Invitation link' })
  await expect(linkBox).toHaveValue(/\/invite\//)
  const link = await linkBox.inputValue()
  expect(link).toMatch(new RegExp(`^${fresh.url}/invite/[\\w-]+$`))

  // The reviewer, in their own browser profile, creates an account from the link.
  const reviewerContext = await browser.newContext({ baseURL: fresh.url })
  const reviewer = await reviewerContext.newPage()
  await reviewer.goto(link)
  await expect(reviewer.getByText('You are invited to “Alternative report on the rights of the child”')).toBeVisible()
  await reviewer.getByLabel('Your name').fill('Rustam Reviewer')
  await reviewer.getByLabel('Email').fill('rustam@ombudsman.example')
  await reviewer.getByLabel('Password').fill('reviewer-pass-12')
  await reviewer.getByRole('button', { name: 'Create account and join' }).click()
  await expect(reviewer).toHaveURL(new RegExp(`/reports/${reportId}$`))
  await expect(reviewer.getByText('Reviewer').first()).toBeVisible()
  await expect(reviewer.getByRole('heading', { name: 'I. General measures of implementation' })).toBeAttached()
  // A reviewer only suggests: Suggesting mode is fixed on and formatting is not theirs.
  const modes = reviewer.getByTestId('mode-switch')
  await expect(modes.locator('[data-mode="suggesting"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(modes.locator('[data-mode="editing"]')).toBeDisabled()
  await expect(reviewer.getByTestId('editor-toolbar').locator('[data-tool="bold"]')).toBeDisabled()
  // The same link does not work twice.
  const again = await browser.newContext({ baseURL: fresh.url })
  const third = await again.newPage()
  await third.goto(link)
  await expect(third.getByText('This link has already been used')).toBeVisible()

  // The secretariat's dashboard lists the report with the reviewer's role count and the word meter.
  await page.goto('/')
  await expect(page.getByRole('link', { name: /Alternative report on the rights of the child/ })).toBeVisible()
  await expect(page.getByText(/0 \/ 10,000 words/)).toBeVisible()
  mkdirSync(`${ROOT}/docs/images`, { recursive: true })
  await page.screenshot({ path: `${ROOT}/docs/images/dashboard.png` })

  expect(external).toEqual([])
  await Promise.all([admin.close(), reviewerContext.close(), again.close()])
})
