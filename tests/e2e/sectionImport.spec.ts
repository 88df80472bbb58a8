/**
 * Issue 9, bug 8: "Import Word" into a section that has text asks in the app's own dialog where
 * the Word text goes — at the cursor (the default when the caret was in the section), at the end,
 * or instead of the text — never in a browser confirm(). The choice is applied by the section's
 * editor, so it reaches the server through the collaboration path (checked on a fresh client)
 * and Ctrl+Z takes it back. The Word file is a real one, made by Chorus's own exporter.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import type { Chorus } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, pageText, sectionBody, serverSection, showSection } from './editor.helpers'
import { caretAt } from './comments.helpers'
import { suggestedTexts } from './suggestions.helpers'
import { WordFile } from '../fixtures-gen/wordEdits'

test.afterEach(closePages)
// Converting a .docx runs in a worker: allow for a busy machine.
test.describe.configure({ timeout: 300_000 })
const SLOW = { timeout: 30_000 }

const ORIGINAL = 'Alpha words here. Omega words here.'
const FIRST = 'Draft first paragraph from Word.'
const LAST = 'Draft closing paragraph from Word.'

/** A .docx exported by Chorus from a blank report whose one section holds FIRST and LAST. */
async function wordDraft(chorus: Chorus, page: Page): Promise<Buffer> {
  const { id } = await chorus.admin.api.call('POST', '/api/reports', { title: 'Source draft', templateId: 'blank' })
  const detail = await chorus.admin.api.call('GET', `/api/reports/${id}`)
  const section = detail.sections[0].id as string
  await openReport(page, id)
  await caretIn(page, section)
  await page.keyboard.type(FIRST)
  await page.keyboard.press('Enter')
  await page.keyboard.type(LAST)
  await expectConnected(page)
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, id, section)).text).toBe(`${FIRST} ${LAST}`)
  const res = await chorus.admin.api.raw('GET', `/api/reports/${id}/export.docx`)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

/** Replace a section's text with two paragraphs, typed. */
async function writeOriginal(page: Page, sectionId: string): Promise<void> {
  await showSection(page, sectionId)
  await sectionBody(page, sectionId).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Alpha words here.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Omega words here.')
  await expect.poll(() => pageText(page, sectionId)).toBe(ORIGINAL)
}

/** Where each of the texts is in `text` (−1 when absent). */
const order = (text: string): [number, number, number, number] => [text.indexOf('Alpha'), text.indexOf(FIRST), text.indexOf(LAST), text.indexOf('Omega')]

test('Import Word asks where the text goes and puts it at the cursor, at the end or instead, through the editor', async ({ chorus }) => {
  const { page: source } = await newPage(chorus, chorus.admin.account)
  const docx = await wordDraft(chorus, source)
  const report = await createReport(chorus, 'Import choices report')
  const [atCursor, atEnd, instead] = report.sectionIds as [string, string, string]
  const { page } = await newPage(chorus, chorus.admin.account)
  const browserDialogs: string[] = []
  page.on('dialog', (d) => {
    browserDialogs.push(d.message())
    void d.dismiss()
  })
  await openReport(page, report.id)
  const importInto = async (sectionId: string) => {
    await page.getByTestId(`import-${sectionId}`).setInputFiles({ name: 'draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx })
    const dialog = page.getByRole('dialog', { name: 'Where should draft.docx go?' })
    await expect(dialog).toBeVisible(SLOW)
    return dialog
  }
  const server = async (sectionId: string) => (await serverSection(chorus.server.url, chorus.admin.account, report.id, sectionId)).text

  // At the cursor: the default when the caret is in the section; Ctrl+Z takes it back.
  await writeOriginal(page, atCursor)
  await caretAt(page, atCursor, 'Alpha words here.', 'after')
  let dialog = await importInto(atCursor)
  await expect(dialog.getByRole('radio', { name: /At the cursor/ })).toBeChecked()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(async () => {
    const [alpha, first, last, omega] = order(await pageText(page, atCursor))
    return alpha >= 0 && alpha < first && first < last && last < omega
  }, { message: 'Word text between the two paragraphs', ...SLOW }).toBe(true)
  await expectConnected(page)
  await expect.poll(async () => order(await server(atCursor)).every((at, i, all) => at >= 0 && (i === 0 || all[i - 1]! < at))).toBe(true)
  await page.keyboard.press('Control+z')
  await expect.poll(() => pageText(page, atCursor)).toBe(ORIGINAL)

  // At the end.
  await writeOriginal(page, atEnd)
  dialog = await importInto(atEnd)
  await dialog.getByRole('radio', { name: /At the end/ }).check()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect.poll(async () => {
    const [alpha, first, last, omega] = order(await pageText(page, atEnd))
    return alpha >= 0 && alpha < omega && omega < first && first < last
  }, { message: 'Word text after the section text', ...SLOW }).toBe(true)
  await expectConnected(page)
  await expect.poll(async () => (await server(atEnd)).startsWith(ORIGINAL) && (await server(atEnd)).endsWith(LAST)).toBe(true)

  // Cancel changes nothing; instead of the text replaces it.
  await writeOriginal(page, instead)
  dialog = await importInto(instead)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await pageText(page, instead)).toBe(ORIGINAL)
  dialog = await importInto(instead)
  await dialog.getByRole('radio', { name: /Instead of the current text/ }).check()
  await dialog.getByRole('button', { name: 'Replace the text' }).click()
  await expect.poll(async () => {
    const text = await pageText(page, instead)
    return !text.includes('Alpha') && !text.includes('Omega') && text.includes(FIRST) && text.endsWith(LAST)
  }, { message: 'Word text instead of the section text', ...SLOW }).toBe(true)
  await expectConnected(page)
  await expect.poll(async () => {
    const text = await server(instead)
    return !text.includes('Alpha') && text.endsWith(LAST)
  }).toBe(true)
  expect(browserDialogs).toEqual([])
})

test('Import Word keeps its file checks and imports into an empty section without asking', async ({ chorus }) => {
  const { page: source } = await newPage(chorus, chorus.admin.account)
  const docx = await wordDraft(chorus, source)
  const { id } = await chorus.admin.api.call('POST', '/api/reports', { title: 'Empty section import', templateId: 'blank' })
  const section = (await chorus.admin.api.call('GET', `/api/reports/${id}`)).sections[0].id as string
  const { page } = await newPage(chorus, chorus.admin.account)
  await openReport(page, id)
  await showSection(page, section)
  await page.getByTestId(`import-${section}`).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not Word') })
  await expect(page.getByText('notes.txt is not a .docx file.', { exact: true })).toBeVisible()
  await page.getByTestId(`import-${section}`).setInputFiles({ name: 'draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx })
  await expect(page.getByText('Imported draft.docx', { exact: true })).toBeVisible(SLOW)
  await expect.poll(() => pageText(page, section)).toContain(LAST)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('a Word file with tracked changes can only replace the section text, and the dialog says so', async ({ chorus }) => {
  const { page: source } = await newPage(chorus, chorus.admin.account)
  const reviewed = await (await WordFile.open(await wordDraft(chorus, source))).trackDeletion('closing ', 'Reviewer (Word)', 901).save()
  const report = await createReport(chorus, 'Reviewed draft import')
  const section = report.sectionIds[0]!
  const { page } = await newPage(chorus, chorus.admin.account)
  await openReport(page, report.id)
  await writeOriginal(page, section)
  await page.getByTestId(`import-${section}`).setInputFiles({ name: 'reviewed.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: reviewed })
  const dialog = page.getByRole('dialog', { name: 'Where should reviewed.docx go?' })
  await expect(dialog).toBeVisible(SLOW)
  await expect(dialog.getByTestId('import-replace-only')).toContainText('tracked changes or comments')
  await expect(dialog.getByRole('radio', { name: /At the cursor/ })).toBeDisabled()
  await expect(dialog.getByRole('radio', { name: /At the end/ })).toBeDisabled()
  await expect(dialog.getByRole('radio', { name: /Instead of the current text/ })).toBeChecked()
  await dialog.getByRole('button', { name: 'Replace the text' }).click()
  await expect.poll(async () => {
    const text = await pageText(page, section)
    return !text.includes('Alpha') && text.includes(FIRST)
  }, SLOW).toBe(true)
  await expect.poll(async () => (await suggestedTexts(page, section)).deleted, SLOW).toEqual(['closing '])
})
