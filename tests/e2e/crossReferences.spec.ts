/**
 * Cross-references in real browsers over the real websocket (docs/cross-references.md): the
 * secretariat inserts "para. N" by picking the target with the keyboard; an author adds a paragraph
 * in an earlier section and the reference reads N+1 on both pages; the author deletes the target
 * and the reference shows as broken (visible text and accessible name); the Word file carries the
 * REF field to the target's bookmark.
 */
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { axeFindings } from './suggestions.helpers'
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, sectionBody } from './editor.helpers'

test.afterEach(closePages)

/** axe-core's colour-contrast failures inside `selector`, in the light and the dark theme. */
async function contrastFailures(page: Page, selector: string): Promise<string[]> {
  const found: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`))
    await page.waitForTimeout(250)
    found.push(...(await axeFindings(page, selector, ['color-contrast'])).map(f => `${scheme}: ${f}`))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

test('a reference to para. 3 follows a paragraph added in another section and breaks when its target is deleted', async ({ chorus }) => {
  test.setTimeout(240_000)
  const author = await chorus.newAccount('Xref Author')
  const report = await createReport(chorus, 'Cross-reference report', [{ account: author.account, role: 'author' }])
  const [first, second, third] = report.sectionIds as [string, string, string]

  const { page: sec } = await newPage(chorus, chorus.admin.account)
  await openReport(sec, report.id)
  await caretIn(sec, first)
  await sec.keyboard.type('Alpha one.')
  await sec.keyboard.press('Enter')
  await sec.keyboard.type('Alpha two.')
  await caretIn(sec, second)
  await sec.keyboard.type('Target paragraph about budgets.')
  await caretIn(sec, third)
  await sec.keyboard.type('As shown in ')

  // The picker, by keyboard only: Ctrl+Alt+X, search, Enter.
  await sec.keyboard.press('Control+Alt+x')
  const dialog = sec.getByRole('dialog')
  await expect(dialog.getByRole('option').first()).toBeVisible()
  await expect(dialog.getByRole('option', { name: /para\. 3 — Target paragraph about budgets\./ })).toBeVisible()
  expect(await contrastFailures(sec, '[data-testid="cross-reference-dialog"]')).toEqual([])
  await sec.keyboard.type('budgets')
  await expect(dialog.getByRole('option')).toHaveCount(1)
  await sec.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  const reference = sectionBody(sec, third).locator('span[data-cross-reference]')
  await expect(reference).toHaveText('para. 3')
  await expect(reference).toHaveAttribute('aria-label', 'Cross-reference: para. 3')
  // The caret stayed after it: typing goes on.
  await sec.keyboard.type(' above.')
  await expectConnected(sec)

  // Another author adds a paragraph at the top of the first section, in their own browser.
  const { page: other } = await newPage(chorus, author.account)
  await openReport(other, report.id)
  await caretIn(other, first, 'start')
  await other.keyboard.type('A new opening paragraph.')
  await other.keyboard.press('Enter')
  await expectConnected(other)
  await expect(reference).toHaveText('para. 4', { timeout: 15_000 })
  await expect(other.locator(`[data-section-body="${third}"] span[data-cross-reference], [data-section-static="${third}"] span[data-cross-reference]`)).toHaveText('para. 4')

  // The Word file: a REF field to the target's bookmark, its cached result the number.
  const res = await chorus.admin.api.raw('GET', `/api/reports/${report.id}/export.docx`)
  const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string')
  const bookmark = xml.match(/<w:bookmarkStart w:name="(_Ref[^"]+)"[^>]*\/><w:r><w:t[^>]*>Target paragraph about budgets\./)?.[1]
  expect(bookmark).toBeTruthy()
  expect(xml).toContain(`<w:fldSimple w:instr="REF ${bookmark} \\r \\h"><w:r><w:t xml:space="preserve">4</w:t></w:r></w:fldSimple>`)

  // Clicking the reference goes to the target.
  await reference.click()
  await expect(sectionBody(sec, second).locator('p', { hasText: 'Target paragraph about budgets.' })).toBeInViewport()

  // The author deletes the target paragraph: the reference is shown broken, to sight and to screen readers.
  await caretIn(other, second)
  await other.keyboard.press('Control+a')
  await other.keyboard.press('Backspace')
  await expectConnected(other)
  await expect(reference).toHaveText('[broken reference]', { timeout: 15_000 })
  await expect(reference).toHaveClass(/is-broken/)
  await expect(reference).toHaveAttribute('aria-label', 'Broken cross-reference: its target was deleted')
  expect(await contrastFailures(sec, `[data-section-body="${third}"]`)).toEqual([])
})

test('a reviewer cannot insert a cross-reference: the shortcut says why and opens no picker', async ({ chorus }) => {
  test.setTimeout(120_000)
  const reviewer = await chorus.newAccount('Xref Reviewer')
  const report = await createReport(chorus, 'Cross-reference review', [{ account: reviewer.account, role: 'reviewer' }])
  const { page } = await newPage(chorus, reviewer.account)
  await openReport(page, report.id)
  await caretIn(page, report.sectionIds[0]!)
  await page.keyboard.press('Control+Alt+x')
  await expect(page.getByText('Cross-references are inserted by people who may edit this section', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(sectionBody(page, report.sectionIds[0]!).locator('span[data-cross-reference]')).toHaveCount(0)
})
