/**
 * Follow-up of the previous concluding observations in the browser: the secretariat pastes the
 * Committee's COs in the report settings and sees them split; the owner of cluster V is told
 * which of its recommendations are not yet followed up; an author links a paragraph to CO
 * paragraph 12(b) with "partly implemented" from the toolbar, the paragraph shows the marker,
 * and the generated follow-up section — read-only — lists it with a link back to the paragraph,
 * for another member watching live. The owner's count drops by one.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { closePages, createReport, expectConnected, newPage, openReport, sectionBody, showSection } from './editor.helpers'
import { sampleCoText } from '../fixtures-gen/sampleConcludingObservations'
import { axeViolations } from './suggestions.helpers'

test.afterEach(closePages)

/** Run a toolbar tool, from the row or from "More" when the row has no room for it. */
async function tool(page: Page, id: string, name: string) {
  const button = page.locator(`[data-tool=${id}]`).first()
  if (await button.isVisible()) {
    await button.click()
    return
  }
  await page.locator('[data-tool=more]').click()
  await menuItem(page, name).click()
}

/** A "More" menu entry (a checkbox item when the tool shows a state). */
const menuItem = (page: Page, name: string) => page.getByRole('menu').locator('[role^=menuitem]', { hasText: name })

test('secretariat pastes COs, an author links a paragraph with an assessment, the follow-up table shows it', async ({ chorus }) => {
  test.slow()
  const author = await chorus.newAccount('Aysel Author')
  const viewer = await chorus.newAccount('Vera Viewer')
  const report = await createReport(chorus, 'Follow-up report', [{ account: author.account, role: 'author' }, { account: viewer.account, role: 'viewer' }])
  const detail = await chorus.admin.api.call('GET', `/api/reports/${report.id}`)
  const sectionOf = (title: RegExp) => detail.sections.find((s: { title: string }) => title.test(s.title)).id as string
  const violence = sectionOf(/^V\. Violence/)
  const followUp = sectionOf(/Follow-up of the previous concluding observations/)
  // Cluster V belongs to the author.
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${violence}`, { ownerId: author.account.id })

  // The secretariat pastes the COs as converted from the PDF (hard line breaks, page headers).
  const sec = (await newPage(chorus, chorus.admin.account)).page
  await sec.goto(`/reports/${report.id}/settings`)
  await sec.getByRole('button', { name: 'Split into recommendations' }).click()
  await expect(sec.getByTestId('co-error')).toHaveText('Paste the text of the concluding observations first.')
  await sec.getByLabel('Text of the concluding observations').fill('Thank you for the meeting.')
  await sec.getByRole('button', { name: 'Split into recommendations' }).click()
  await expect(sec.getByTestId('co-error')).toContainText('No numbered paragraphs were found')
  await sec.getByLabel('Text of the concluding observations').fill(sampleCoText({ wrap: 76, pageLines: 28 }))
  await sec.getByRole('button', { name: 'Split into recommendations' }).click()
  await expect(sec.getByTestId('co-current')).toHaveText(/Loaded: CRC\/C\/AZE\/CO\/5-6, 20 paragraphs, \d+ recommendations to follow up/)
  // (The pointer leaves the button first: its hover colour is a transition, not what is read.)
  await sec.mouse.move(0, 0)
  expect(await axeViolations(sec, ['[data-testid=co-form]'])).toEqual([])

  // A viewer watches the generated section: nothing linked yet, and it cannot be edited.
  const watch = (await newPage(chorus, viewer.account)).page
  await openReport(watch, report.id)
  await watch.locator(`#section-${followUp}`).scrollIntoViewIfNeeded()
  await expect(watch.getByTestId('follow-up-empty')).toBeVisible()
  await expect(watch.locator(`#section-${followUp} [contenteditable]`)).toHaveCount(0)

  // The author owns cluster V: its three open recommendations (12(a)–(c)) are shown there.
  const page = (await newPage(chorus, author.account)).page
  await openReport(page, report.id)
  await showSection(page, violence)
  const notice = page.locator(`#section-${violence}`).getByTestId('follow-up-notice')
  await expect(notice.locator('summary')).toHaveText('3 recommendations from the last concluding observations in this cluster are not yet followed up')

  // The author writes a paragraph and links it to 12(b), partly implemented.
  await sectionBody(page, violence).click()
  await page.keyboard.type('Corporal punishment is banned in schools since 2023, but the law is silent on the home.')
  await tool(page, 'followUp', 'Link to concluding observation')
  const dialog = page.getByRole('dialog', { name: 'Link to concluding observation' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Search the recommendations').fill('positive')
  await expect(dialog.getByRole('radio')).toHaveCount(1)
  await dialog.getByRole('radio', { name: /para\. 12\(b\)/ }).check()
  await dialog.getByLabel('How far it was implemented').selectOption({ label: 'Partly implemented' })
  expect(await axeViolations(page, ['[role=dialog]'])).toEqual([])
  await dialog.getByRole('button', { name: 'Save link' }).click()
  await expect(dialog).toBeHidden()
  const linked = sectionBody(page, violence).locator('p[data-follow-up-co="12(b)"]')
  await expect(linked).toHaveAttribute('data-follow-up-status', 'partly')
  await expectConnected(page)
  await expect(notice.locator('summary')).toHaveText('2 recommendations from the last concluding observations in this cluster are not yet followed up')

  // The table, live for the viewer: CO paragraph → assessment → where, with a link to the paragraph.
  const row = watch.getByTestId('follow-up-table').locator('tr[data-co="12(b)"]')
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expect(row.locator('td').nth(0)).toContainText('para. 12(b)')
  await expect(row.locator('td').nth(0)).toContainText('Promote positive, non-violent')
  await expect(row.locator('td').nth(1)).toHaveText('Partly implemented')
  // Where: the section and the paragraph's number as the export gives it (the report's only text: para. 1).
  await expect(row.locator('td').nth(2)).toContainText('V. Violence against children, para. 1')
  await expect(row.locator('td').nth(2)).toContainText('Corporal punishment is banned in schools')
  expect(await axeViolations(watch, ['[data-testid=follow-up-table]'])).toEqual([])
  await row.getByRole('link', { name: 'V. Violence against children, para. 1' }).click()
  await expect(watch.locator(`#section-${violence} p[data-follow-up-co="12(b)"]`)).toBeInViewport()

  // Other COs loaded (without a paragraph 12): the link is kept and shown to be fixed, not lost.
  await chorus.admin.api.call('POST', `/api/reports/${report.id}/concluding-observations`, { text: '1. The Committee recommends that the State party ratify the Optional Protocol.', symbol: 'CRC/C/OPAC/AZE/CO/1' })
  await expect(watch.getByTestId('follow-up-orphans')).toContainText('1 link points to a paragraph that is not a recommendation of the loaded concluding observations')
  await expect(watch.getByTestId('follow-up-orphans')).toContainText('para. 12(b) — V. Violence against children, para. 1')

  // The Word file carries the same table.
  const docx = await chorus.admin.api.raw('GET', `/api/reports/${report.id}/export.docx`)
  expect(docx.status).toBe(200)
})

test('a reviewer cannot link a paragraph: the tool is disabled for suggesting', async ({ chorus }) => {
  const reviewer = await chorus.newAccount('Rena Reviewer')
  const report = await createReport(chorus, 'Follow-up review', [{ account: reviewer.account, role: 'reviewer' }])
  await chorus.admin.api.call('POST', `/api/reports/${report.id}/concluding-observations`, { text: sampleCoText() })
  const page = (await newPage(chorus, reviewer.account)).page
  await openReport(page, report.id)
  const first = report.sectionIds[0]!
  await showSection(page, first)
  await sectionBody(page, first).click()
  const button = page.locator('[data-tool=followUp]').first()
  if (await button.isVisible()) {
    await expect(button).toHaveAttribute('aria-disabled', 'true')
  } else {
    await page.locator('[data-tool=more]').click()
    await expect(menuItem(page, 'Link to concluding observation')).toHaveAttribute('data-disabled', '')
  }
})
