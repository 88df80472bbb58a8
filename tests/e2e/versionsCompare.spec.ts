/**
 * A restore you can see before you do it: a version is saved, the text changes, and the versions
 * page opens the version read-only, compared with the current text — the added words underlined,
 * the removed ones struck through, each saying who wrote it. A reviewer may look but not restore;
 * the secretariat restores from that view after a confirmation and the old text is back. axe-core
 * finds nothing to fix on the view.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, pageText } from './editor.helpers'
import { axeViolations } from './suggestions.helpers'

test.afterEach(closePages)

test('a version compared with the current text shows insertions and deletions, and the secretariat restores it from there', async ({ chorus }) => {
  test.slow()
  const remy = await chorus.newAccount('Remy Reviewer')
  const report = await createReport(chorus, 'Compare', [{ account: remy.account, role: 'reviewer' }])
  const section = report.sectionIds[1]!
  const sam = chorus.admin.account

  const sec = (await newPage(chorus, sam)).page
  await openReport(sec, report.id)
  await caretIn(sec, section)
  await sec.keyboard.type('Draft sent to the reviewers.')
  await expectConnected(sec)
  await expect.poll(() => pageText(sec, section)).toBe('Draft sent to the reviewers.')
  const { version } = await chorus.admin.api.call('POST', `/api/reports/${report.id}/versions`, { name: 'Sent for peer review' })

  // The text changes: a word removed at the start, a sentence added at the end.
  await caretIn(sec, section, 'start')
  for (let i = 0; i < 'Draft '.length; i++) await sec.keyboard.press('Delete')
  await caretIn(sec, section)
  await sec.keyboard.type(' Rewritten after the review.')
  await expect.poll(() => pageText(sec, section)).toBe('sent to the reviewers. Rewritten after the review.')
  await expectConnected(sec)

  // A reviewer opens the version and compares it, but cannot restore.
  const reviewer = (await newPage(chorus, remy.account)).page
  await reviewer.goto(`/reports/${report.id}/versions`)
  await reviewer.getByRole('link', { name: 'View and compare “Sent for peer review”' }).click()
  await expect(reviewer).toHaveURL(new RegExp(`/reports/${report.id}/compare\\?version=${version.id}`))
  const changed = reviewer.getByTestId('compare-section').nth(1)
  await expect(changed.locator('ins')).toHaveText(' Rewritten after the review.')
  await expect(changed.locator('ins')).toHaveAttribute('title', `Added by ${sam.name}`)
  await expect(changed.locator('del')).toHaveText('Draft ')
  await expect(changed.locator('del')).toHaveAttribute('title', `Removed words written by ${sam.name}`)
  await expect(changed.getByTestId('compare-summary')).toContainText(`Added by ${sam.name}`)
  await expect(reviewer.getByTestId('compare-section').nth(0)).toContainText('No changes')
  await expect(reviewer.getByTestId('compare-restore')).toHaveCount(0)
  await reviewer.screenshot({ path: 'test-results/versions/compare.png', fullPage: true })
  expect(await axeViolations(reviewer, ['main'])).toEqual([])
  await reviewer.emulateMedia({ colorScheme: 'dark' })
  expect(await axeViolations(reviewer, ['main']), 'dark theme').toEqual([])
  await reviewer.emulateMedia({ colorScheme: 'light' })

  // Read-only: the version alone, its own words.
  await reviewer.getByTestId('compare-with').click()
  await reviewer.getByRole('option', { name: 'Nothing: read the version only' }).click()
  await expect(reviewer.getByTestId('compare-legend')).toHaveText('Read-only: the version\'s text as it was saved.')
  await expect(reviewer.getByTestId('compare-section').nth(1).getByTestId('compare-body')).toHaveText('Draft sent to the reviewers.')
  await expect(reviewer.locator('[data-testid="compare-body"] ins, [data-testid="compare-body"] del')).toHaveCount(0)

  // The secretariat restores from the comparison, after a confirmation.
  const view = (await newPage(chorus, sam)).page
  await view.goto(`/reports/${report.id}/compare?version=${version.id}&with=current`)
  await expect(view.getByTestId('compare-section').nth(1).locator('ins')).toHaveText(' Rewritten after the review.')
  await view.getByTestId('compare-restore').click()
  const dialog = view.getByRole('dialog')
  await expect(dialog).toContainText('The current text is first saved as a version')
  expect(await axeViolations(view, ['[role="dialog"]'])).toEqual([])
  await dialog.getByTestId('version-restore-confirm').click()
  await expect(dialog).toHaveCount(0)
  await expect(view.getByText('Restored “Sent for peer review”', { exact: true })).toBeVisible()
  await expect(view.getByTestId('compare-section').nth(1)).toContainText('No changes')

  // The text is back for the secretariat who still has the report open.
  await expect.poll(() => pageText(sec, section)).toBe('Draft sent to the reviewers.')
})
