/**
 * The export dialog's options, in the browser: what counts toward the limit, empty sections left
 * out by default from the clean copy (kept for the review copy), the confidentiality line offered
 * for a confidential report, and the cover date from the submission date; the downloaded file
 * follows the choices. axe-clean.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import JSZip from 'jszip'
import { test, expect } from './fixtures'
import { closePages, createReport, expectConnected, newPage } from './editor.helpers'
import { axeViolations } from './suggestions.helpers'
import { ROOT } from '../support/serverProcess'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))

test.afterEach(closePages)

test('the export dialog offers the options and the Word file follows them', async ({ chorus }) => {
  // An import, a laid-out export and a download on a shared, busy machine.
  test.setTimeout(180_000)
  const report = await createReport(chorus, 'Export options report')
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}`, { confidentiality: 'confidential', submissionDate: '2027-02-15' })
  const detail = await chorus.admin.api.call('GET', `/api/reports/${report.id}`)
  const sections = detail.sections as Array<{ id: string, title: string, countsTowardLimit: boolean }>
  const written = sections.find(s => s.title.startsWith('V. '))!
  const empty = sections.find(s => s.id !== written.id && s.countsTowardLimit)!
  const upload = new FormData()
  upload.append('file', new Blob([FIXTURE]), 'draft.docx')
  await chorus.admin.api.call('POST', `/api/reports/${report.id}/sections/${written.id}/import`, upload)

  const { page } = await newPage(chorus, chorus.admin.account)
  await page.goto(`/reports/${report.id}`)
  await expectConnected(page, 30_000)
  await page.getByRole('button', { name: 'Export to Word' }).click()
  const dialog = page.getByRole('dialog')

  // What counts: the counted sections with their words.
  await dialog.getByText('What counts toward the limit').click()
  await expect(dialog.getByTestId('export-what-counts')).toContainText(written.title)
  await expect(dialog.getByTestId('export-what-counts')).toContainText('Section titles, text and footnotes')

  const skipEmpty = dialog.getByRole('checkbox', { name: 'Leave out sections with no text' })
  await expect(skipEmpty).toBeChecked()
  await expect(dialog.getByTestId('export-skip-empty')).toContainText(empty.title)
  await expect(dialog.getByRole('checkbox', { name: 'Mark every page as confidential' })).toBeChecked()
  // In the interface language (the browser's en-US here); the cover itself uses the report's.
  await expect(dialog.getByTestId('export-cover-date')).toContainText('February 15, 2027')

  // The review copy keeps empty sections unless asked.
  await dialog.getByRole('radio', { name: 'Review copy' }).click()
  await expect(dialog.getByRole('radio', { name: 'Review copy' })).toBeChecked()
  await expect(skipEmpty).not.toBeChecked()
  await dialog.getByRole('radio', { name: 'Clean copy' }).click()
  await expect(skipEmpty).toBeChecked()

  expect(await axeViolations(page, ['[role="dialog"]'])).toEqual([])

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .docx' }).click()])
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!))
  const body = await zip.file('word/document.xml')!.async('string')
  expect(body).toContain(written.title)
  expect(body).not.toContain(`>${empty.title}<`)
  expect(body).toContain('15 February 2027')
  const header = await zip.file('word/header1.xml')!.async('string')
  expect(header).toContain('Confidential — not for publication')
})
