/**
 * Named versions from the report page: the secretariat saves one, writes on, restores it, and an
 * author who has the report open sees the old text come back live; the text from before the
 * restore is itself saved as a version. Authors save but do not restore; reviewers only look.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, pageText } from './editor.helpers'

test.afterEach(closePages)

test('the secretariat saves a version, restores it later, and an author sees the old text return live', async ({ chorus }) => {
  test.slow()
  const amal = await chorus.newAccount('Amal Author')
  const remy = await chorus.newAccount('Remy Reviewer')
  const report = await createReport(chorus, 'Versions', [{ account: amal.account, role: 'author' }, { account: remy.account, role: 'reviewer' }])
  const section = report.sectionIds[1]!

  const sec = (await newPage(chorus, chorus.admin.account)).page
  await openReport(sec, report.id)
  await caretIn(sec, section)
  await sec.keyboard.type('Draft sent to the reviewers.')
  await expectConnected(sec)

  // From the report page to its versions: nothing saved yet, and a name is required.
  await sec.getByTestId('versions-link').click()
  await expect(sec.getByRole('heading', { name: 'Versions', exact: true })).toBeVisible()
  await expect(sec.getByTestId('versions-empty')).toContainText('No version saved yet')
  await sec.getByTestId('version-save').click()
  await expect(sec.getByText('Name the version')).toBeVisible()
  await sec.getByTestId('version-name').fill('Sent for peer review')
  await sec.getByTestId('version-name').press('Enter')
  await expect(sec.getByTestId('version-name-cell')).toHaveText(['Sent for peer review'])
  await expect(sec.getByTestId('version-name')).toHaveValue('')

  // Writing goes on while an author has the report open.
  const author = (await newPage(chorus, amal.account)).page
  await openReport(author, report.id)
  await sec.goBack()
  await openReport(sec, report.id)
  await caretIn(sec, section)
  await sec.keyboard.type(' Rewritten after the review.')
  await expectConnected(sec)
  await expect.poll(() => pageText(author, section)).toBe('Draft sent to the reviewers. Rewritten after the review.')

  // The author may save versions but not restore them.
  const authorVersions = (await newPage(chorus, amal.account)).page
  await authorVersions.goto(`/reports/${report.id}/versions`)
  await expect(authorVersions.getByTestId('version-name-cell')).toHaveText(['Sent for peer review'])
  await expect(authorVersions.getByTestId('version-save')).toBeVisible()
  await expect(authorVersions.getByRole('button', { name: /Restore/ })).toHaveCount(0)

  // A reviewer sees the list only.
  const reviewer = (await newPage(chorus, remy.account)).page
  await reviewer.goto(`/reports/${report.id}/versions`)
  await expect(reviewer.getByTestId('version-name-cell')).toHaveText(['Sent for peer review'])
  await expect(reviewer.getByTestId('version-save')).toHaveCount(0)
  await expect(reviewer.getByRole('button', { name: /Restore/ })).toHaveCount(0)

  // Restore, after a confirmation that says what happens.
  await sec.goto(`/reports/${report.id}/versions`)
  await sec.getByRole('button', { name: 'Restore “Sent for peer review”' }).click()
  const dialog = sec.getByRole('dialog')
  await expect(dialog).toContainText('The current text is first saved as a version')
  await sec.screenshot({ path: 'test-results/versions/restore-confirm.png' })
  await dialog.getByTestId('version-restore-confirm').click()
  await expect(dialog).toHaveCount(0)
  await expect(sec.getByText('Restored “Sent for peer review”', { exact: true })).toBeVisible()
  await expect(sec.getByTestId('version-name-cell')).toHaveText(['Before restoring “Sent for peer review”', 'Sent for peer review'])

  // The author's open page has the old text, without reloading.
  await expect.poll(() => pageText(author, section)).toBe('Draft sent to the reviewers.')
  await expectConnected(author)

  // The restore is undone by restoring the version saved before it.
  await sec.getByTestId('version-row').filter({ hasText: 'Before restoring' }).getByRole('button', { name: /^Restore/ }).click()
  await sec.getByRole('dialog').getByTestId('version-restore-confirm').click()
  await expect.poll(() => pageText(author, section)).toBe('Draft sent to the reviewers. Rewritten after the review.')
})
