/**
 * Superscript and page breaks typed as in Word (Ctrl+. and Ctrl+Enter): shown in the editor (a
 * "Page break" line in the interface language), accepted by the server's guard, and in the Word file.
 */
import JSZip from 'jszip'
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, sectionBody } from './editor.helpers'

test.afterEach(closePages)

test('Ctrl+. types superscript and Ctrl+Enter a page break; both reach the Word file', async ({ chorus }) => {
  test.setTimeout(180_000)
  const report = await createReport(chorus, 'Script and breaks report')
  const section = report.sectionIds[0]!
  const { page } = await newPage(chorus, chorus.admin.account)
  await page.goto(`/reports/${report.id}`)
  await expectConnected(page, 30_000)
  await caretIn(page, section)
  await page.keyboard.type('An area of 12 km')
  await page.keyboard.press('Control+.')
  await page.keyboard.type('2')
  await page.keyboard.press('Control+.')
  await page.keyboard.type(' in total.')
  await page.keyboard.press('Control+Enter')
  await page.keyboard.type('On the next page.')

  const body = sectionBody(page, section)
  await expect(body.locator('sup', { hasText: '2' })).toBeVisible()
  const line = body.locator('div.page-break')
  await expect(line).toBeVisible()
  expect(await line.locator('.page-break-label').evaluate(el => getComputedStyle(el, '::before').content)).toBe('"Page break"')
  await expectConnected(page)

  const res = await chorus.admin.api.raw('GET', `/api/reports/${report.id}/export.docx`)
  const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string')
  expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>2<\/w:t>/)
  expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*On the next page\./)
})
