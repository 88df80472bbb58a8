/**
 * "Import a reviewed Word file" in the browser: the secretariat exports a review copy, a reviewer
 * adds a tracked insertion and comments in Word (its XML edited as Word writes it), and the
 * export dialog's import shows what was placed and what was not; the insertion appears in the
 * editor as a suggestion.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from './fixtures'
import { closePages, createReport, newPage, openReport, sectionBody, showSection } from './editor.helpers'
import { ROOT } from '../support/serverProcess'
import { WordFile } from '../fixtures-gen/wordEdits'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
const TITLE = 'Reviewed round report'

test.afterEach(closePages)

test('the secretariat imports a reviewed Word file and sees what was placed and what was not', async ({ chorus }) => {
  const report = await createReport(chorus, TITLE)
  const detail = await chorus.admin.api.call('GET', `/api/reports/${report.id}`)
  const sectionV = detail.sections.find((s: { title: string }) => s.title.startsWith('V. ')).id as string
  const upload = new FormData()
  upload.append('file', new Blob([FIXTURE]), 'draft.docx')
  await chorus.admin.api.call('POST', `/api/reports/${report.id}/sections/${sectionV}/import`, upload)
  const review = Buffer.from(await (await chorus.admin.api.raw('GET', `/api/reports/${report.id}/export.docx?comments=1`)).arrayBuffer())
  const reviewed = await (await WordFile.open(review))
    .trackInsertion('violence-prevention', ' and child-protection', 'Lawyer (UNICEF)', 901)
    .comment('place of residence', 910, { author: 'Lawyer (UNICEF)', text: 'Add ethnicity.' })
    .comment(TITLE, 920, { author: 'Lawyer (UNICEF)', text: 'A better title?' })
    .save()

  const { page } = await newPage(chorus, chorus.admin.account)
  await openReport(page, report.id)
  await page.getByRole('button', { name: 'Export to Word' }).click()
  await expect(page.getByTestId('import-reviewed')).toBeVisible()
  await page.getByTestId('import-reviewed-file').setInputFiles({ name: 'reviewed.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: reviewed })

  const result = page.getByTestId('import-reviewed-result')
  await expect(result).toContainText('Placed: 1 suggestions, 1 comments and 0 replies')
  await expect(result).toContainText('Not placed (1)')
  await expect(result).toContainText('“A better title?” — not on the text of a section')

  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await showSection(page, sectionV)
  await expect(sectionBody(page, sectionV).locator('ins', { hasText: 'and child-protection' })).toBeVisible()
})
