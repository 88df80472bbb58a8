/**
 * The submission check in the browser: the secretariat opens it from the report page and works
 * down the list — fills the empty section (the item's link goes to it), resolves the open thread
 * (the link opens it), marks the sections final — and the check goes green step by step until it
 * says "Ready to submit". axe-core finds nothing on the page, red or green, light or dark.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { closePages, expectConnected, newPage, openReport, sectionBody, showSection } from './editor.helpers'
import { commentOn } from './comments.helpers'
import { axeViolations } from './suggestions.helpers'

test.afterEach(closePages)

const items = (page: Page) => page.getByTestId('check-item')
const item = (page: Page, kind: string, sectionId?: string) => page.locator(`[data-testid="check-item"][data-kind="${kind}"]${sectionId ? `[data-section="${sectionId}"]` : ''}`)

async function openCheck(page: Page, reportId: string) {
  await page.goto(`/reports/${reportId}/check`)
  await expect(page.getByRole('heading', { name: 'Submission check', level: 1 })).toBeVisible()
  await expect(page.getByTestId('check-time')).toContainText('Checked at')
}

test('the submission check goes green step by step: fill the empty section, resolve the thread, mark sections final', async ({ chorus }) => {
  test.slow()
  const api = chorus.admin.api
  const { id } = await api.call('POST', '/api/reports', {
    title: 'Check report', templateId: 'blank', stateParty: 'Examplia', coalition: 'Examplia Child Rights Coalition', contact: 'Mira Halden, mira@example.org', deadline: '2099-12-31',
  })
  await api.call('POST', `/api/reports/${id}/sections`, { title: 'Annex I. Sources', countsTowardLimit: false })
  const [body, annex] = (await api.call('GET', `/api/reports/${id}`)).sections.map((s: { id: string }) => s.id) as [string, string]

  const page = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, id)
  await showSection(page, body)
  await sectionBody(page, body).click()
  await page.keyboard.type('The State party adopted a strategy without a budget.')
  await commentOn(page, body, 'without a budget')
  const input = page.getByTestId('new-thread').getByTestId('comment-input')
  await input.pressSequentially('Which ministry confirmed this?')
  await input.press('Enter')
  await expectConnected(page)

  // The export dialog says how much is left and links to the check.
  await page.getByRole('button', { name: 'Export to Word' }).click()
  await expect(page.getByTestId('export-check')).toContainText('Before you submit: 4 items left')
  await page.keyboard.press('Escape')

  // From the report page's header.
  await page.getByTestId('check-link').click()
  await expect(page).toHaveURL(new RegExp(`/reports/${id}/check$`))
  await expect(page.getByTestId('check-time')).toContainText('Checked at')
  await expect(page.getByTestId('check-ready')).toHaveCount(0)
  await expect(page.getByTestId('check-summary')).toHaveText('1 blocking, 3 to review')
  await expect(page.getByTestId('check-group-blocking').getByTestId('check-item')).toHaveText([/“Annex I. Sources” is empty/])
  await expect(item(page, 'section-not-final')).toHaveCount(2)
  await expect(item(page, 'open-threads', body)).toContainText('1 open comment thread')
  await expect(item(page, 'deadline')).toContainText(/Deadline December 31, 2099: [\d,]+ days left, Geneva time/)
  await page.screenshot({ path: 'test-results/submission-check/not-ready.png', fullPage: true })
  expect(await axeViolations(page, ['main'])).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await axeViolations(page, ['main']), 'dark theme').toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })

  // 1. The empty section: its link opens the report at that section.
  await item(page, 'section-empty', annex).getByRole('link', { name: 'Go to the section' }).click()
  await expect(page).toHaveURL(new RegExp(`/reports/${id}$`))
  await expectConnected(page, 30_000)
  await expect(page.locator(`#section-${annex}`)).toBeInViewport()
  await sectionBody(page, annex).click()
  await page.keyboard.type('Ministry of Justice, letter of 3 March 2027.')
  await expectConnected(page)
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`/reports/${id}/check$`))
  await expect(item(page, 'section-empty')).toHaveCount(0)
  await expect(page.getByTestId('check-group-blocking')).toHaveCount(0)
  await expect(page.getByTestId('check-summary')).toHaveText('0 blocking, 3 to review')

  // 2. The open thread: its link opens the thread, which is resolved there.
  await item(page, 'open-threads', body).getByRole('link', { name: 'Open the first thread' }).click()
  const card = page.getByTestId('comments-panel').getByTestId('comment-thread').filter({ hasText: 'Which ministry confirmed this?' })
  await card.getByTestId('resolve-button').click()
  await expect(card).toHaveCount(0) // the panel shows open threads
  await expectConnected(page)
  await openCheck(page, id)
  await expect(item(page, 'open-threads')).toHaveCount(0)

  // 3. Mark the sections final (the status sits in each section's head); the refresh button checks again.
  await item(page, 'section-not-final', body).getByRole('link', { name: 'Go to the section' }).click()
  await expectConnected(page, 30_000)
  for (const sectionId of [body, annex]) {
    await showSection(page, sectionId)
    await page.locator(`#section-${sectionId}`).getByTestId('section-status').click()
    await page.getByRole('option', { name: 'Final' }).click()
    await expect(page.locator(`#section-${sectionId}`).getByTestId('section-status')).toContainText('Final')
  }
  await openCheck(page, id)
  await expect(page.getByTestId('check-ready')).toContainText('Ready to submit')
  await expect(items(page)).toHaveCount(1)
  await expect(item(page, 'deadline')).toBeVisible()
  await page.screenshot({ path: 'test-results/submission-check/ready.png', fullPage: true })
  expect(await axeViolations(page, ['main'])).toEqual([])

  // Live enough: a change made elsewhere shows after "Check again".
  await api.call('PATCH', `/api/reports/${id}`, { wordLimit: 5 })
  await page.getByTestId('check-refresh').click()
  await expect(page.getByTestId('check-ready')).toHaveCount(0)
  await expect(item(page, 'word-limit')).toContainText('words over the limit')
  await expect(item(page, 'word-limit').getByRole('link', { name: 'Open the report' })).toBeVisible()
})

test('the check page of a report I am not a member of says so and shows nothing of it', async ({ chorus }) => {
  const { id } = await chorus.admin.api.call('POST', '/api/reports', { title: 'Private report', templateId: 'blank' })
  const outsider = await chorus.newAccount('Olga Outsider')
  const page = (await newPage(chorus, outsider.account)).page
  await page.goto(`/reports/${id}/check`)
  await expect(page.getByText('The report could not be checked')).toBeVisible()
  await expect(items(page)).toHaveCount(0)
  await expect(page.getByText('Private report')).toHaveCount(0)
})
