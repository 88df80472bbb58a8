/**
 * A decision on a suggestion is one undoable step for the person who made it, as in Word and
 * Google Docs, in real Chromium with two people: a reviewer suggests two changes, the author
 * accepts one and presses Ctrl+Z — the suggestion is back, for the reviewer too, and on the
 * server — then Ctrl+Shift+Z accepts it again. A reviewer's suggested paragraph break (Enter in
 * Suggesting mode) is rejected, undone and redone the same way. Nobody's socket is closed on the
 * way (the hub allows the decider's undo: server/collab/suggestionCheck.ts).
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, pageText, sectionBody, serverSection } from './editor.helpers'
import { selectText } from './comments.helpers'
import { suggestedTexts } from './suggestions.helpers'

test.describe.configure({ timeout: 180_000 })
test.afterEach(closePages)

test('the author accepts a reviewer\'s suggestion, undoes it with Ctrl+Z (back for everyone) and redoes it', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Undoes')
  const rui = await chorus.newAccount('Rui Suggests')
  const report = await createReport(chorus, 'Undo a decision', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const author = (await newPage(chorus, bea.account)).page
  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(author, report.id)
  await caretIn(author, section)
  await author.keyboard.insertText('Detention is used as a last resort.')
  await openReport(reviewer, report.id)
  await expect(sectionBody(reviewer, section)).toContainText('last resort.')

  await selectText(reviewer, section, 'a last')
  await reviewer.keyboard.type('the very last')
  await caretIn(reviewer, section)
  await reviewer.keyboard.type(' Figures missing.')
  await expectConnected(reviewer)
  const suggested = { inserted: ['the very last', ' Figures missing.'], deleted: ['a last'] }
  await expect.poll(() => suggestedTexts(author, section)).toEqual(suggested)

  const cards = author.getByTestId('comments-panel').getByTestId('tracked-change')
  await expect(cards).toHaveCount(2)
  await cards.filter({ hasText: 'the very last' }).getByTestId('accept-suggestion').click()
  await expect(cards).toHaveCount(1)
  const accepted = 'Detention is used as the very last resort. Figures missing.'
  await expect.poll(() => pageText(reviewer, section)).toBe(accepted)
  expect(await suggestedTexts(reviewer, section)).toEqual({ inserted: [' Figures missing.'], deleted: [] })

  // Ctrl+Z right after "Accept": the replacement is a suggestion again, in Rui's name, everywhere.
  await author.keyboard.press('Control+z')
  await expect(cards).toHaveCount(2)
  await expect(cards.filter({ hasText: 'the very last' }).getByTestId('tracked-change-author')).toHaveText('Rui Suggests')
  await expect.poll(() => suggestedTexts(reviewer, section)).toEqual(suggested)
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe('Detention is used as a lastthe very last resort. Figures missing.')
  await author.screenshot({ path: 'test-results/suggestions/undo-decision.png' })

  // Ctrl+Shift+Z: accepted again.
  await author.keyboard.press('Control+Shift+z')
  await expect(cards).toHaveCount(1)
  await expect.poll(() => pageText(reviewer, section)).toBe(accepted)
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe(accepted)
  await expectConnected(author)
  await expectConnected(reviewer)
  await expect(author.getByTestId('comments-panel').getByTestId('tracked-change')).toHaveCount(1)
})

test('a reviewer suggests a paragraph break; the author rejects it (joined back), undoes that with Ctrl+Z (the break is back for everyone) and redoes it', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Breaks')
  const rui = await chorus.newAccount('Rui Splits')
  const report = await createReport(chorus, 'Undo a paragraph decision', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const author = (await newPage(chorus, bea.account)).page
  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(author, report.id)
  await caretIn(author, section)
  await author.keyboard.insertText('Children are heard. Courts rarely ask them.')
  await openReport(reviewer, report.id)
  await expect(sectionBody(reviewer, section)).toContainText('rarely ask them.')

  // The reviewer presses Enter before "Courts": a suggested break, shown with a pilcrow to both.
  await selectText(reviewer, section, 'Courts')
  await reviewer.keyboard.press('ArrowLeft')
  await reviewer.keyboard.press('Enter')
  await expectConnected(reviewer)
  const paragraphs = (page: typeof author) => sectionBody(page, section).locator('p')
  for (const page of [reviewer, author]) {
    await expect(paragraphs(page)).toHaveCount(2)
    await expect(paragraphs(page).nth(1)).toHaveAttribute('data-suggested-split', 'Rui Splits')
    await expect(sectionBody(page, section).locator('.suggested-break-split')).toHaveCount(1)
  }
  const cards = author.getByTestId('comments-panel').getByTestId('tracked-change')
  await expect(cards).toHaveCount(1)
  await expect(cards.getByTestId('tracked-change-author')).toHaveText('Rui Splits')

  // Reject: joined back, for both.
  await cards.getByTestId('reject-suggestion').click()
  await author.getByTestId('confirm-reject').click()
  await expect(cards).toHaveCount(0)
  for (const page of [reviewer, author]) await expect(paragraphs(page)).toHaveCount(1)

  // Ctrl+Z in the text: the suggested break is back, for everyone and on the server.
  await caretIn(author, section)
  await author.keyboard.press('Control+z')
  await expect(cards).toHaveCount(1)
  for (const page of [reviewer, author]) {
    await expect(paragraphs(page)).toHaveCount(2)
    await expect(paragraphs(page).nth(1)).toHaveAttribute('data-suggested-split', 'Rui Splits')
  }
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).json.content.length).toBe(2)

  // Ctrl+Y: rejected again.
  await author.keyboard.press('Control+y')
  await expect(cards).toHaveCount(0)
  for (const page of [reviewer, author]) await expect(paragraphs(page)).toHaveCount(1)
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe('Children are heard. Courts rarely ask them.')
  await expectConnected(author)
  await expectConnected(reviewer)
})

test('"Accept all by …" across two sections is one decision: the toast\'s Undo all brings every suggestion back, for everyone', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Accepts')
  const rui = await chorus.newAccount('Rui Reviews')
  const report = await createReport(chorus, 'Undo a report-wide decision', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const [first, second] = [report.sectionIds[0]!, report.sectionIds[1]!]
  const author = (await newPage(chorus, bea.account)).page
  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(author, report.id)
  await caretIn(author, first)
  await author.keyboard.insertText('The first section.')
  await caretIn(author, second)
  await author.keyboard.insertText('The second section.')
  await openReport(reviewer, report.id)
  await expect(sectionBody(reviewer, second)).toContainText('The second section.')

  await caretIn(reviewer, first)
  await reviewer.keyboard.type(' More.')
  await caretIn(reviewer, second)
  await reviewer.keyboard.type(' Also.')
  await expectConnected(reviewer)
  await expect.poll(() => suggestedTexts(author, first)).toEqual({ inserted: [' More.'], deleted: [] })
  await expect.poll(() => suggestedTexts(author, second)).toEqual({ inserted: [' Also.'], deleted: [] })

  await author.getByTestId('decide-by-author').first().click()
  await author.getByRole('menuitem', { name: 'Accept all by Rui Reviews (2)' }).click()
  await expect.poll(() => pageText(reviewer, second)).toBe('The second section. Also.')
  expect(await suggestedTexts(reviewer, first)).toEqual({ inserted: [], deleted: [] })
  const toast = author.getByRole('region', { name: /Notifications/ })
  await expect(toast.getByText('Accepted 2 suggestions in 2 sections')).toBeVisible()

  await toast.getByRole('button', { name: 'Undo all' }).click()
  await expect.poll(() => suggestedTexts(reviewer, first)).toEqual({ inserted: [' More.'], deleted: [] })
  await expect.poll(() => suggestedTexts(reviewer, second)).toEqual({ inserted: [' Also.'], deleted: [] })
  await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, second)).text).toBe('The second section. Also.')
  await expect(author.getByTestId('comments-panel').getByTestId('tracked-change')).toHaveCount(2)
  await expectConnected(author)
  await expectConnected(reviewer)
})
