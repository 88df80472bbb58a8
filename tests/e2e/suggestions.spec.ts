/**
 * Suggesting mode in real Chromium, several people at once: an author in Suggesting mode types
 * and deletes, the secretariat sees both live as suggestions (underlined / struck through, and
 * in the comments panel), accepts one and rejects the other with a reason; the text is right in
 * every browser and on the server, and the disposition CSV records both decisions. The page with
 * suggestions showing passes axe-core's WCAG 2 AA checks. A reviewer suggests and an author
 * replies and accepts part; a reviewer's forged deletion in the author's name is refused by the hub.
 * Screenshots: test-results/suggestions/.
 */
import type * as Y from 'yjs'
import { test, expect } from './fixtures'
import { YClient } from '../integration/support/yclient'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, pageText, sectionBody, serverSection } from './editor.helpers'
import { selectText } from './comments.helpers'
import { axeViolations, setMode, suggestedTexts } from './suggestions.helpers'

test.describe.configure({ timeout: 180_000 })
test.afterEach(closePages)

test('an author suggests; the secretariat sees it live, accepts one change and rejects the other; the CSV records both', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Author')
  const report = await createReport(chorus, 'Suggesting mode', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[0]!
  const sam = (await newPage(chorus, chorus.admin.account)).page
  const author = (await newPage(chorus, bea.account)).page
  await openReport(sam, report.id)
  await openReport(author, report.id)

  // The secretariat writes the text directly (Editing is the default for them).
  await expect(sam.getByTestId('mode-switch').locator('[data-mode="editing"]')).toHaveAttribute('aria-pressed', 'true')
  await caretIn(sam, section)
  await sam.keyboard.insertText('Children in rural areas lack access to schools.')
  await expect(sectionBody(author, section)).toContainText('access to schools.')

  // The author suggests: deletes "rural " and adds a sentence.
  await setMode(author, 'suggesting')
  await selectText(author, section, 'rural ')
  await author.keyboard.press('Backspace')
  await caretIn(author, section)
  await author.keyboard.type(' Fees apply.')
  await expectConnected(author)
  expect(await suggestedTexts(author, section)).toEqual({ inserted: [' Fees apply.'], deleted: ['rural '] })

  // Live for the secretariat: in the text and in the panel, attributed to Bea.
  await expect.poll(() => suggestedTexts(sam, section)).toEqual({ inserted: [' Fees apply.'], deleted: ['rural '] })
  const cards = sam.getByTestId('comments-panel').getByTestId('tracked-change')
  await expect(cards).toHaveCount(2)
  await expect(cards.filter({ hasText: 'Fees apply.' }).getByTestId('tracked-change-author')).toHaveText('Bea Author')
  await expect(cards.filter({ hasText: 'rural' }).getByTestId('tracked-change-deleted')).toContainText('Deleted: “rural ”')
  // Rejecting leaves the words as they were: the word counts read suggestions as rejected.
  await expect(sam.getByTestId(`section-words-${section}`)).toContainText(/\b8 (\/|words)/)
  await expect(sam.getByTestId(`section-words-${section}`).getByTestId('words-pending')).toHaveText('2 words pending')
  await sam.screenshot({ path: 'test-results/suggestions/live.png' })

  const violations = await axeViolations(sam, ['[data-testid="comments-panel"]', `[data-section-body="${section}"]`, `[data-testid="section-words-${section}"]`, '[data-testid="editor-toolbar"]', '[data-testid="mode-switch"]'])
  expect(violations).toEqual([])

  // Accept the insertion; reject the deletion with a reason.
  await cards.filter({ hasText: 'Fees apply.' }).getByTestId('accept-suggestion').click()
  await expect(cards).toHaveCount(1)
  await cards.filter({ hasText: 'rural' }).getByTestId('reject-suggestion').click()
  await sam.getByTestId('reject-reason').fill('Rural areas are the point of the paragraph')
  await sam.getByTestId('confirm-reject').click()
  await expect(cards).toHaveCount(0)

  const expected = 'Children in rural areas lack access to schools. Fees apply.'
  for (const page of [sam, author]) {
    await expect.poll(() => pageText(page, section)).toBe(expected)
    await expect(sectionBody(page, section).locator('ins.suggestion-insertion, del.suggestion-deletion')).toHaveCount(0)
  }
  await expectConnected(sam)
  expect((await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe(expected)

  const csv = await (await chorus.admin.api.raw('GET', `/api/reports/${report.id}/comments.csv`)).text()
  const rows = csv.split('\r\n')
  const inserted = rows.find(r => r.includes('" Fees apply."'))!
  const deleted = rows.find(r => r.includes('"rural "'))!
  expect(inserted).toContain('"Bea Author"')
  expect(inserted).toContain('"accepted"')
  expect(inserted).toContain('"Insertion"')
  expect(deleted).toContain('"rejected"')
  expect(deleted).toContain('"Rural areas are the point of the paragraph"')
  for (const row of [inserted, deleted]) expect(row).toContain(`"${chorus.admin.account.name}"`)
})

test('in Suggesting mode Enter suggests a paragraph break (a pilcrow in the author\'s colour), a list is refused with a message, and Editing mode changes paragraphs directly', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Paragraphs')
  const report = await createReport(chorus, 'Paragraph breaks are tracked', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[0]!
  const author = (await newPage(chorus, bea.account)).page
  await openReport(author, report.id)
  await caretIn(author, section)
  await author.keyboard.insertText('One paragraph. Second part.')
  await author.keyboard.press('Control+Shift+E')
  await expect(author.getByTestId('mode-switch').locator('[data-mode="suggesting"]')).toHaveAttribute('aria-pressed', 'true')
  for (let i = 0; i < 'Second part.'.length; i++) await author.keyboard.press('ArrowLeft')
  await author.keyboard.press('Enter')
  await expect(sectionBody(author, section).locator('p')).toHaveCount(2)
  await expect(sectionBody(author, section).locator('p').nth(1)).toHaveAttribute('data-suggested-split', 'Bea Paragraphs')
  await expect(sectionBody(author, section).locator('.suggested-break-split')).toHaveText('¶')
  await expect(author.getByTestId('comments-panel').getByTestId('tracked-change')).toHaveCount(1)
  // Structure other than a paragraph break is still refused.
  await author.keyboard.press('Control+Shift+8')
  await expect(author.getByText('Paragraph changes can\'t be suggested yet — describe them in a comment', { exact: true })).toBeVisible()
  await expect(sectionBody(author, section).locator('ul')).toHaveCount(0)
  await author.keyboard.press('Control+Shift+E')
  // Back in Editing before the caret moves (on a loaded machine the switch lands a frame later).
  await expect(author.getByTestId('mode-switch').locator('[data-mode="editing"]')).toHaveAttribute('aria-pressed', 'true')
  await author.keyboard.press('End')
  await author.keyboard.press('Enter')
  await author.keyboard.insertText('Two.')
  await expect(sectionBody(author, section).locator('p')).toHaveCount(3)
  await expect(sectionBody(author, section).locator('p').nth(2)).not.toHaveAttribute('data-suggested-split')
  // No text is marked as suggested (the one pilcrow is the suggested break's).
  await expect(sectionBody(author, section).locator('ins.suggestion-insertion:not(.suggested-break)')).toHaveCount(0)
  await expect(sectionBody(author, section).locator('.suggested-break')).toHaveCount(1)
})

test('a reviewer suggests, the author sees it live and accepts part; a reviewer\'s forged deletion in the author\'s name is refused', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Decides')
  const rui = await chorus.newAccount('Rui Reviewer')
  const report = await createReport(chorus, 'Reviewed text', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const author = (await newPage(chorus, bea.account)).page
  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(author, report.id)
  await caretIn(author, section)
  await author.keyboard.insertText('Detention is used as a last resort.')
  await openReport(reviewer, report.id)
  await expect(sectionBody(reviewer, section)).toContainText('last resort.')

  // The reviewer, always in Suggesting mode, replaces "a last" with "the very last" and adds a sentence.
  await expect(reviewer.getByTestId('mode-switch').locator('[data-mode="suggesting"]')).toHaveAttribute('aria-pressed', 'true')
  await selectText(reviewer, section, 'a last')
  await reviewer.keyboard.type('the very last')
  await caretIn(reviewer, section)
  await reviewer.keyboard.type(' Figures missing.')
  await expectConnected(reviewer)
  expect(await suggestedTexts(reviewer, section)).toEqual({ inserted: ['the very last', ' Figures missing.'], deleted: ['a last'] })

  const cards = author.getByTestId('comments-panel').getByTestId('tracked-change')
  await expect(cards).toHaveCount(2)
  await expect(cards.first().getByTestId('tracked-change-author')).toHaveText('Rui Reviewer')
  await expect(cards.filter({ hasText: 'the very last' })).toHaveAttribute('data-kind', 'replacement')
  // The author replies to one and accepts it; the other stays open.
  await cards.filter({ hasText: 'the very last' }).getByTestId('reply-suggestion').click()
  await author.getByTestId('comment-input').fill('Good, stronger.')
  await author.getByTestId('comment-input').press('Enter')
  await expect(cards.filter({ hasText: 'the very last' }).getByTestId('tracked-change-thread')).toContainText('Good, stronger.')
  await cards.filter({ hasText: 'the very last' }).getByTestId('accept-suggestion').click()
  await expect(cards).toHaveCount(1)
  await expect.poll(() => pageText(reviewer, section)).toBe('Detention is used as the very last resort. Figures missing.')
  expect(await suggestedTexts(reviewer, section)).toEqual({ inserted: [' Figures missing.'], deleted: [] })
  await expectConnected(author)

  // A hand-made client in the reviewer's session marks text deleted in the author's name: refused.
  const forger = new YClient(chorus.server.url, report.id, rui.account.cookie)
  try {
    await forger.synced()
    const paragraph = forger.doc.getXmlFragment(`section:${section}`).get(0) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    text.format(0, 9, { deletion: { id: 'forged', authorId: bea.account.id, authorName: 'Bea Decides', createdAt: Date.now(), wordAuthor: null } })
    expect((await forger.closed()).code).toBe(4403)
  } finally {
    forger.destroy()
  }
  const server = await serverSection(chorus.server.url, chorus.admin.account, report.id, section)
  expect(JSON.stringify(server.json)).not.toContain('forged')
  await expect(sectionBody(author, section).locator('del.suggestion-deletion')).toHaveCount(0)
})
