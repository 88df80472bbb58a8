/**
 * "New report → from a Word file" in the browser: a draft made by pandoc is uploaded, the preview
 * lists each part with its words and the section it goes to (clusters matched by title, number and
 * articles; the cover's title, State party and coalition fill the settings), one target is
 * changed, and the report is created with its sections filled. A file that is not a Word document
 * gets the importer's clear error and creates nothing. axe-clean.
 */
import { test, expect } from './fixtures'
import { closePages, expectConnected, newPage } from './editor.helpers'
import { axeViolations } from './suggestions.helpers'
import { pandocDocx } from '../fixtures-gen/officeFiles'

test.afterEach(closePages)

const DRAFT = [
  '---',
  'title: Alternative report on the rights of the child in Arcadia',
  'author: Arcadian Coalition for Child Rights',
  '---',
  '',
  'State party: Republic of Arcadia',
  '',
  '# General principles',
  '',
  'Children are not heard in family courts.[^1]',
  '',
  '# Cluster 8: what children learn',
  '',
  'Rural schools lack qualified teachers.',
  '',
  '# Protection from abuse (arts. 19, 34 and 39)',
  '',
  'Violence at home is rarely reported.',
  '',
  '# Children and the climate',
  '',
  'Air pollution harms children in the capital.',
  '',
  '[^1]: Court records, 2024.',
].join('\n')

test('a report from a Word file: the preview shows what goes where, one target changed, the report opens filled', async ({ chorus }) => {
  test.setTimeout(180_000)
  const file = await pandocDocx(DRAFT)
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.goto('/reports/new')
  await page.getByRole('radio', { name: 'A Word file (.docx)' }).check()

  // Not a Word file: the importer's error, in words, and no preview.
  await page.getByTestId('from-word-file').setInputFiles({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('plain text, not a zip') })
  await expect(page.getByTestId('from-word-error')).toContainText('This is not a Word document (.docx)')
  await expect(page.getByTestId('from-word-parts')).toHaveCount(0)

  await page.getByTestId('from-word-file').setInputFiles({ name: 'coalition-draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: file })
  const parts = page.getByTestId('from-word-parts')
  await expect(parts).toBeVisible({ timeout: 30_000 })
  const target = (title: string) => page.getByRole('combobox', { name: `Where “${title}” goes` })
  await expect(target('General principles')).toHaveValue('section:general-principles')
  await expect(target('Cluster 8: what children learn')).toHaveValue('section:education')
  await expect(target('Protection from abuse (arts. 19, 34 and 39)')).toHaveValue('section:violence')
  await expect(target('Children and the climate')).toHaveValue('new')
  await expect(parts.getByRole('row', { name: /Protection from abuse/ })).toContainText('matched by its articles')
  await expect(parts.getByRole('row', { name: /Children and the climate/ }).getByRole('cell').first()).toHaveText('7')
  // The cover filled the settings.
  await expect(page.getByTestId('from-word-cover')).toContainText('Title, State party, Coalition')
  await expect(page.getByLabel('Title')).toHaveValue('Alternative report on the rights of the child in Arcadia')
  await expect(page.getByLabel('State party')).toHaveValue('Republic of Arcadia')
  await expect(page.getByRole('textbox', { name: 'Coalition' })).toHaveValue('Arcadian Coalition for Child Rights')

  // One target changed, by keyboard: the climate part goes to cluster VII.
  await target('Children and the climate').focus()
  await target('Children and the climate').selectOption('section:health')
  await expect(target('Children and the climate')).toHaveValue('section:health')
  expect(await axeViolations(page, ['[data-testid="from-word"]'])).toEqual([])

  await page.getByRole('button', { name: 'Create report' }).click()
  await page.waitForURL(/\/reports\/[A-Za-z0-9_-]+$/, { timeout: 60_000 })
  await expectConnected(page, 30_000)
  const id = new URL(page.url()).pathname.split('/').pop()!
  const detail = await chorus.admin.api.call('GET', `/api/reports/${id}`)
  const words = Object.fromEntries((detail.sections as Array<{ title: string, words: number }>).map(s => [s.title, s.words]))
  expect(detail.meta).toMatchObject({ title: 'Alternative report on the rights of the child in Arcadia', stateParty: 'Republic of Arcadia', coalition: 'Arcadian Coalition for Child Rights' })
  expect(words['III. General principles']).toBeGreaterThan(5)
  expect(words['V. Violence against children']).toBe(6)
  expect(words['VII. Disability, basic health and welfare']).toBe(7)
  expect(words['VIII. Education, leisure and cultural activities']).toBe(5)
  expect(Object.keys(words)).not.toContain('Children and the climate')
  // The report page shows the imported text in its section.
  await expect(page.getByText('Air pollution harms children in the capital.')).toBeVisible({ timeout: 30_000 })
})
