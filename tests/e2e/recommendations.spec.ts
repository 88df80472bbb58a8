/**
 * Recommendation blocks and the generated summary, in real browsers over the real websocket: two
 * authors add recommendations in different clusters (one with Ctrl+Alt+R, one from the toolbar)
 * while a third person, a viewer, watches the summary of recommendations update live, numbered in
 * section order, with a link back to each block. The summary's text is not stored: the server's
 * copy of that section stays empty.
 */
import type { Page } from '@playwright/test'
import { axeFindings } from './suggestions.helpers'
import { test, expect } from './fixtures'
import { caretIn, closePages, expectConnected, newPage, openReport, sectionBody, serverSection } from './editor.helpers'

test.afterEach(closePages)

interface SectionInfo { id: string, title: string, generated?: string | null }

/** Insert a recommendation from the toolbar (or its "More" menu when the toolbar is narrow). */
async function insertFromToolbar(page: Page) {
  const button = page.getByTestId('editor-toolbar').locator('[data-tool="recommendation"]')
  if (await button.isVisible()) {
    await button.click()
  } else {
    await page.getByTestId('editor-toolbar').locator('[data-tool="more"]').click()
    await page.getByRole('menuitem', { name: 'Recommendation' }).click()
  }
}

test('two authors add recommendations in different clusters; a viewer sees the summary update live', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Cluster')
  const cal = await chorus.newAccount('Cal Cluster')
  const vic = await chorus.newAccount('Vic Viewer')
  const { id: reportId } = await chorus.admin.api.call('POST', '/api/reports', { title: 'Recommendations live', templateId: 'crc-alternative-report' })
  for (const [account, role] of [[bea.account, 'author'], [cal.account, 'author'], [vic.account, 'viewer']] as const) {
    await chorus.admin.api.call('POST', `/api/reports/${reportId}/members`, { email: account.email, role })
  }
  const sections: SectionInfo[] = (await chorus.admin.api.call('GET', `/api/reports/${reportId}`)).sections
  const general = sections.find(s => s.title.startsWith('I. '))!
  const violence = sections.find(s => s.title.startsWith('V. '))!
  const summary = sections.find(s => s.generated === 'recommendations')!
  expect(summary).toBeDefined()

  const beaPage = (await newPage(chorus, bea.account)).page
  const calPage = (await newPage(chorus, cal.account)).page
  const vicPage = (await newPage(chorus, vic.account)).page
  await Promise.all([openReport(beaPage, reportId), openReport(calPage, reportId), openReport(vicPage, reportId)])
  const shownSummary = vicPage.locator(`#section-${summary.id}`).getByTestId('recommendation-summary')
  await shownSummary.scrollIntoViewIfNeeded()
  await expect(shownSummary.getByTestId('summary-empty')).toBeVisible()

  // Bea, in cluster I, with the shortcut: the box gets R1, its articles and the priority flag.
  await caretIn(beaPage, general.id)
  await beaPage.keyboard.type('The State has no independent monitoring body.')
  await beaPage.keyboard.press('Control+Alt+r')
  await beaPage.keyboard.type('Establish an independent children’s ombudsman.')
  const beaBox = sectionBody(beaPage, general.id).locator('[data-recommendation]')
  await expect(beaBox.locator('.recommendation-label')).toContainText('R1')
  await beaBox.getByRole('textbox', { name: /Articles of R1/ }).fill('4, 42')
  await beaBox.getByRole('textbox', { name: /Articles of R1/ }).press('Enter')
  await beaBox.getByRole('checkbox', { name: 'Priority' }).check()

  // Cal, in cluster V, from the toolbar: R2, since cluster V comes after cluster I.
  await caretIn(calPage, violence.id)
  await calPage.keyboard.type('Corporal punishment is lawful at home.')
  await insertFromToolbar(calPage)
  await calPage.keyboard.type('Prohibit corporal punishment in all settings.')
  await expect(sectionBody(calPage, violence.id).locator('[data-recommendation] .recommendation-label')).toContainText('R2')

  // The viewer's summary: grouped by cluster, numbered in section order, with the articles.
  const groups = shownSummary.locator('[data-summary-section]')
  await expect(groups).toHaveCount(2, { timeout: 15_000 })
  await expect(groups.nth(0)).toContainText(general.title)
  await expect(groups.nth(0)).toContainText('R1')
  await expect(groups.nth(0)).toContainText('Establish an independent children’s ombudsman.')
  await expect(groups.nth(0)).toContainText('4, 42')
  await expect(groups.nth(1)).toContainText(violence.title)
  await expect(groups.nth(1)).toContainText('R2')
  await expect(groups.nth(1)).toContainText('Prohibit corporal punishment in all settings.')

  // A second block in cluster I renumbers Cal's to R3 — in Cal's editor and in the viewer's summary.
  // (The focus is on the checkbox: back into the text, at its end.)
  await sectionBody(beaPage, general.id).getByText('The State has no independent monitoring body.').click()
  await beaPage.keyboard.press('Control+End')
  await beaPage.keyboard.press('Control+Alt+r')
  await beaPage.keyboard.type('Allocate a budget to the ombudsman.')
  // Enter on an empty last paragraph leaves the box: the text goes on after it, outside.
  await beaPage.keyboard.press('Enter')
  await beaPage.keyboard.press('Enter')
  await beaPage.keyboard.type('Back in the body text.')
  await expect(sectionBody(beaPage, general.id).locator('[data-recommendation]')).toHaveCount(2)
  await expect(sectionBody(beaPage, general.id).locator('[data-recommendation]').last()).not.toContainText('Back in the body text.')
  await expect(sectionBody(beaPage, general.id)).toContainText('Back in the body text.')
  await expect(sectionBody(calPage, violence.id).locator('[data-recommendation] .recommendation-label')).toContainText('R3', { timeout: 15_000 })
  await expect(shownSummary.getByTestId('summary-link')).toHaveText(['R1', 'R2', 'R3'], { timeout: 15_000 })
  await expect(groups.nth(1)).toContainText('Prohibit corporal punishment in all settings.')

  // The executive summary is headed by the priority list: only Bea's first block.
  const priorities = vicPage.locator(`#section-${sections[0]!.id}`).getByTestId('priority-list')
  await expect(priorities.getByTestId('summary-link')).toHaveText(['R1'])

  // The link goes back to the block: Cal's box is scrolled into view and its label focused.
  await shownSummary.getByRole('link', { name: /R3/ }).click()
  const target = vicPage.locator(`#section-${violence.id} [data-recommendation]`).first()
  await expect(target).toBeInViewport()
  await expect(target.locator('.recommendation-label')).toBeFocused()

  // The viewer cannot change a block (read-only controls), and the summary is not stored.
  await expect(target.getByRole('checkbox', { name: 'Priority' })).toBeDisabled()
  await expectConnected(beaPage)
  await expectConnected(calPage)
  const stored = await serverSection(chorus.server.url, chorus.admin.account, reportId, summary.id)
  expect(stored.text).toBe('')
  const beaStored = await serverSection(chorus.server.url, chorus.admin.account, reportId, general.id)
  expect(JSON.stringify(beaStored.json)).toContain('"articles":"4, 42"')
  expect(JSON.stringify(beaStored.json)).toContain('"priority":true')
})

test('an LOIPR submission asks questions: Ctrl+Alt+R inserts "Q1", question first, context after; the box passes axe in both themes', async ({ chorus }) => {
  test.slow()
  const { id: reportId } = await chorus.admin.api.call('POST', '/api/reports', { title: 'LOIPR input', templateId: 'crc-loipr-submission', scope: 'comprehensive' })
  const sections: SectionInfo[] = (await chorus.admin.api.call('GET', `/api/reports/${reportId}`)).sections
  const cluster = sections.find(s => s.title.startsWith('I. '))!
  const page = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, reportId)
  await caretIn(page, cluster.id)
  await page.keyboard.press('Control+Alt+r')
  await page.keyboard.type('What budget does the strategy have?')
  await page.keyboard.press('Enter')
  await page.keyboard.type('The strategy was adopted in 2021 without a budget line.')
  const box = sectionBody(page, cluster.id).locator('[data-recommendation]')
  await expect(box).toHaveAttribute('data-kind', 'question')
  await expect(box.locator('.recommendation-label')).toContainText('Q1')
  await expect(box.locator('.recommendation-label')).toContainText('Question for the State')
  await expect(box).toContainText('First paragraph: the question.')
  await expect(box.locator('.recommendation-body p')).toHaveText(['What budget does the strategy have?', 'The strategy was adopted in 2021 without a budget line.'])
  // The toolbar names the tool after what it inserts here (when the row has room for it).
  const tool = page.getByTestId('editor-toolbar').locator('[data-tool="recommendation"]')
  if (await tool.count()) await expect(tool).toHaveAttribute('aria-label', /Question for the State/)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`))
    await page.waitForTimeout(250)
    expect(await axeFindings(page, `#section-${cluster.id} [data-recommendation]`), scheme).toEqual([])
  }
  await expectConnected(page)
})
