/**
 * The report page as people see it: outline, toolbar, sections with guidance, word counts and
 * presence, at desktop width and on a tablet. Also checks the page logs no console errors and
 * asks no third-party host for anything. Screenshots land in test-results/editor/.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, expectConnected, openReport, sectionBody } from './editor.helpers'

test.afterEach(closePages)

test('the report page shows outline, toolbar, sections and live counts, with no console errors or foreign requests', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Author')
  const report = await createReport(chorus, 'Alternative report — Freedonia 2027', [{ account: bea.account, role: 'author' }])
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${report.sectionIds[0]}`, { ownerId: bea.account.id })
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${report.sectionIds[1]}`, { ownerId: chorus.admin.account.id, status: 'review' })

  const admin = (await newPage(chorus, chorus.admin.account)).page
  const page = (await newPage(chorus, bea.account)).page
  const problems: string[] = []
  const origin = new URL(chorus.server.url).origin
  for (const p of [page, admin]) {
    p.on('console', m => m.type() === 'error' && problems.push(`console: ${m.text()}`))
    p.on('pageerror', e => problems.push(`pageerror: ${e.message}`))
    p.on('request', (r) => {
      const url = new URL(r.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== origin.replace('http', 'ws')) problems.push(`foreign request: ${r.url()}`)
    })
  }

  await openReport(admin, report.id)
  await openReport(page, report.id)
  await expect(page.getByTestId('report-title')).toHaveText('Alternative report — Freedonia 2027')
  await expect(page.getByTestId('my-role')).toHaveText('Author')
  await expect(page.getByTestId('outline').locator('button[data-section]')).toHaveCount(report.sectionIds.length)
  await expect(page.getByTestId('editor-toolbar')).toBeVisible()

  const first = report.sectionIds[0]!
  await caretIn(page, first)
  await page.keyboard.type('The coalition brings together twelve organisations working with children in all regions.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Evidence was gathered through ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('consultations with 340 children')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' and a survey of service providers.')
  await page.keyboard.press('Control+Alt+f')
  await page.keyboard.type('Survey conducted between March and June 2026.')
  await expect(page.getByTestId('outline-words-0')).toContainText('33 / 500 words')
  await expectConnected(page)

  // The other person sees the text, the count and where Bea is.
  await expect(sectionBody(admin, first)).toContainText('consultations with 340 children')
  await expect(admin.getByTestId('outline-words-0')).toContainText('33 / 500 words')
  await expect(admin.getByTestId('outline').locator(`[data-peer="${bea.account.id}"]`)).toBeVisible()
  await expect(admin.getByTestId('presence').locator(`[data-user="${bea.account.id}"]`)).toBeVisible()
  await caretIn(admin, first, 'start')

  // The outline works from the keyboard: arrows move, Enter goes to the section.
  await page.getByTestId('outline').locator(`button[data-section="${first}"]`).focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('outline').locator(`button[data-section="${report.sectionIds[1]}"]`)).toBeFocused()
  await page.screenshot({ path: 'test-results/editor/report-1280.png' })
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(sectionBody(page, report.sectionIds[2]!)).toBeFocused()
  await expect(page.getByTestId('outline').locator(`button[data-section="${report.sectionIds[2]}"]`)).toHaveAttribute('aria-current', 'location')
  // The toolbar too: arrows move between its buttons.
  await page.locator('[data-tool=bold]').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('[data-tool=italic]')).toBeFocused()

  await page.getByTestId('outline').locator(`button[data-section="${first}"]`).click()
  await page.getByText('Drafting guidance').first().click()
  await page.screenshot({ path: 'test-results/editor/report-1280-guidance.png' })

  await page.setViewportSize({ width: 820, height: 1180 })
  await page.screenshot({ path: 'test-results/editor/report-820.png' })
  await page.getByRole('button', { name: 'Show the outline' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.screenshot({ path: 'test-results/editor/report-820-outline.png' })
  await page.keyboard.press('Escape')

  await page.setViewportSize({ width: 1280, height: 860 })
  await page.getByTestId('focus-mode').click()
  await expect(page.locator('[data-section-id]:visible')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/editor/report-focus-one.png' })

  // Ctrl+/ lists the keyboard shortcuts (also from the toolbar), Escape closes the list.
  await caretIn(page, report.sectionIds[0]!)
  await page.keyboard.press('Control+/')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help.getByTestId('shortcuts-help')).toContainText('Heading 2')
  await expect(help.getByTestId('shortcuts-help')).toContainText('Comment on the selection')
  await page.screenshot({ path: 'test-results/editor/shortcuts.png' })
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
  // At 1280 px beside both side panels the toolbar's keyboard button is in its "More" menu.
  await page.locator('[data-tool=more]').click()
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click()
  await expect(help).toBeVisible()
  await page.keyboard.press('Escape')

  expect(problems).toEqual([])
})
