/**
 * What each role may do in the editor: a reviewer only suggests (Suggesting mode fixed on); an author
 * cannot change a final section (and sees why), live when the secretariat locks it.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, openReport, pageText, sectionBody, showSection } from './editor.helpers'

test.afterEach(closePages)

test('a reviewer only suggests: Suggesting mode fixed on, no formatting, their typing kept as their suggestion', async ({ chorus }) => {
  test.slow()
  const rita = await chorus.newAccount('Rita Reviewer')
  const report = await createReport(chorus, 'Reviewers suggest', [{ account: rita.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const ada = (await newPage(chorus, chorus.admin.account)).page
  await openReport(ada, report.id)
  await caretIn(ada, section)
  await ada.keyboard.type('Text the reviewer reads.')

  const page = (await newPage(chorus, rita.account)).page
  await openReport(page, report.id)
  await expect(page.getByTestId('my-role')).toHaveText('Reviewer')
  const modes = page.getByTestId('mode-switch')
  await expect(modes.locator('[data-mode="suggesting"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(modes.locator('[data-mode="editing"]')).toBeDisabled()
  await expect(modes).toHaveAttribute('aria-description', /As a reviewer you suggest changes/)
  await expect(page.getByTestId('editor-toolbar').locator('[data-tool="bold"]')).toBeDisabled()
  await expect(sectionBody(page, section)).toContainText('Text the reviewer reads.')
  await expect(sectionBody(page, section)).toHaveAttribute('contenteditable', 'true')
  // No status menu, no Word import either.
  await expect(page.locator(`#section-${section}`).getByTestId('section-status')).toHaveText('Draft')
  await expect(page.locator(`#section-${section}`).getByRole('combobox')).toHaveCount(0)

  await page.screenshot({ path: 'test-results/editor/reviewer.png' })
  await caretIn(page, section)
  await page.keyboard.type(' Agreed')
  await page.keyboard.press('Control+Shift+E') // the mode stays on
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Control+b')
  await expect(page.getByText('Formatting can\'t be suggested — describe it in a comment', { exact: true })).toBeVisible()
  await expect(sectionBody(ada, section).locator('ins.suggestion-insertion')).toHaveText(' Agreed')
  await expect(sectionBody(ada, section).locator('strong')).toHaveCount(0)
  expect(await pageText(ada, section)).toBe('Text the reviewer reads. Agreed')
})

test('an author cannot edit a final section, and sees why — also when it becomes final while open', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Final')
  const report = await createReport(chorus, 'Final sections are locked', [{ account: bea.account, role: 'author' }])
  const [locked, open, later] = report.sectionIds as [string, string, string]
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${locked}`, { status: 'final' })

  const page = (await newPage(chorus, bea.account)).page
  await openReport(page, report.id)
  await expect(page.getByTestId('editor-toolbar')).toBeVisible()
  const lockedSection = page.locator(`#section-${locked}`)
  await expect(lockedSection.getByTestId('read-only-note')).toContainText('this section is final')
  await expect(sectionBody(page, locked)).toHaveAttribute('contenteditable', 'false')
  await expect(sectionBody(page, open)).toHaveAttribute('contenteditable', 'true')

  // The secretariat locks a section while the author writes in it.
  await caretIn(page, later)
  await page.keyboard.type('Written before the lock.')
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${later}`, { status: 'final' })
  await expect(sectionBody(page, later)).toHaveAttribute('contenteditable', 'false')
  await expect(page.locator(`#section-${later}`).getByTestId('read-only-note')).toBeVisible()
  await expect(page.locator('[data-tool=bold]')).toBeDisabled()
  await showSection(page, later)
  expect(await pageText(page, later)).toBe('Written before the lock.')
})

test('a member removed while the report is open is told so, and the text turns read-only', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Removed')
  const report = await createReport(chorus, 'Removed while open', [{ account: bea.account, role: 'author' }])
  const page = (await newPage(chorus, bea.account)).page
  await openReport(page, report.id)
  await chorus.admin.api.call('DELETE', `/api/reports/${report.id}/members/${bea.account.id}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'no-access')
  await expect(page.getByTestId('connection-alert')).toContainText('You no longer have access')
  await expect(page.locator('.ProseMirror[contenteditable="true"]')).toHaveCount(0)
})

test('signed out while the report is open: the page says so and offers to sign in again', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Signed Out')
  const report = await createReport(chorus, 'Signed out while open', [{ account: bea.account, role: 'author' }])
  const { page } = await newPage(chorus, bea.account)
  await openReport(page, report.id)
  await page.request.post('/api/auth/logout')
  // Signing out closes the session's open sockets with 4401 at once (docs/sessions.md).
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'signed-out')
  const alert = page.getByTestId('connection-alert')
  await expect(alert).toContainText('Signed out — sign in again')
  await expect(alert.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', new RegExp(`/login\\?next=(%2F|/)reports(%2F|/)${report.id}`))
})
