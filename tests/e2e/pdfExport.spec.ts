/**
 * PDF from the export dialog (issue 11, item 5): the format is a choice beside Word; choosing PDF
 * hides the review copy (comments and tracked changes have no place in a PDF), and the download is
 * a PDF of the report made by this machine's LibreOffice. axe-clean.
 */
import { execFileSync } from 'node:child_process'
import { test, expect } from './fixtures'
import { closePages, createReport, expectConnected, newPage } from './editor.helpers'
import { axeViolations } from './suggestions.helpers'

test.afterEach(closePages)

test('the export dialog makes a PDF of the clean copy', async ({ chorus }) => {
  // LibreOffice starts for the conversion: seconds on a quiet machine, more on a busy one.
  test.setTimeout(240_000)
  const report = await createReport(chorus, 'PDF report')
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}`, { stateParty: 'Examplia' })
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.goto(`/reports/${report.id}`)
  await expectConnected(page, 30_000)
  await page.getByRole('button', { name: 'Export to Word or PDF' }).click()
  const dialog = page.getByRole('dialog')

  const pdf = dialog.getByRole('radio', { name: 'PDF' })
  await expect(pdf).toBeEnabled()
  await expect(dialog.getByRole('radio', { name: 'Review copy' })).toBeVisible()
  await pdf.click()
  await expect(dialog.getByRole('radio', { name: 'Review copy' })).toHaveCount(0)
  expect(await axeViolations(page, ['[role="dialog"]'])).toEqual([])

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 200_000 }),
    dialog.getByRole('button', { name: 'Download .pdf' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('pdf-report.pdf')
  const text = execFileSync('pdftotext', [(await download.path())!, '-'], { encoding: 'utf8' })
  expect(text).toContain('Examplia')
  await expect(page.getByText('PDF ready', { exact: true })).toBeVisible()
})
