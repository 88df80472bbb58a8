/**
 * Review in real Chromium, several people at once: comments and suggestions appear live, the
 * author replies and accepts (as an undoable edit of their own), mentions reach the inbox, and a
 * comment's highlight follows its words while someone else types around and inside them — and
 * outlives them as "text removed". Screenshots land in test-results/comments/.
 */
import * as Y from 'yjs'
import { readThreads } from '../../shared/commentsDoc'
import { test, expect } from './fixtures'
import { caretIn, createReport, expectConnected, openReport, pageText, sectionBody, serverDoc, serverSection } from './editor.helpers'
import { caretAt, commentOn, highlightedTexts, selectText, threadCard } from './comments.helpers'

// Several pages type at once on a slow machine: real keystrokes take their time.
test.describe.configure({ timeout: 180_000 })

test('a reviewer comments and suggests; the author sees both live, replies and accepts; the reviewer sees the new text and the accepted thread', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Author')
  const rui = await chorus.newAccount('Rui Reviewer')
  const report = await createReport(chorus, 'Review round', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const author = await (await chorus.signedInContext(bea.account)).newPage()
  const reviewer = await (await chorus.signedInContext(rui.account)).newPage()
  await openReport(author, report.id)
  await openReport(reviewer, report.id)
  await expect(reviewer.getByTestId('comments-empty')).toContainText('No comments yet')

  await caretIn(author, section)
  await author.keyboard.insertText('Children in rural areas lack access to secondary schools.')
  await expect(sectionBody(reviewer, section)).toContainText('secondary schools')

  // The reviewer (read-only text) comments, mentioning the author through the @ list.
  await commentOn(reviewer, section, 'rural areas')
  const input = reviewer.getByTestId('new-thread').getByTestId('comment-input')
  await input.pressSequentially('Which regions? @Bea')
  await expect(reviewer.getByTestId('mention-list')).toContainText('Bea Author')
  await input.press('Enter')
  await input.pressSequentially('please add figures.')
  await input.press('Enter')
  await expect(threadCard(reviewer, 'rural areas')).toBeVisible()
  await expect(threadCard(reviewer, 'rural areas').getByTestId('comment-body').locator(`[data-mention="${bea.account.id}"]`)).toHaveText('@Bea Author')

  // … and proposes a replacement.
  await commentOn(reviewer, section, 'lack access to', 'suggestion')
  await reviewer.getByTestId('suggestion-input').fill('have little access to')
  await reviewer.getByTestId('suggestion-input').press('Enter')
  await reviewer.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  await expect(threadCard(reviewer, 'lack access to').getByTestId('suggestion-new')).toHaveText('have little access to')

  // The author sees both, live: highlights, old → new in the text, the panel, the counts.
  await expect(author.getByTestId('comments-panel').getByTestId('comment-thread')).toHaveCount(2)
  await expect.poll(() => highlightedTexts(author, section)).toEqual(['rural areas', 'lack access to'])
  await expect(sectionBody(author, section).locator('ins.chorus-suggestion-new')).toHaveText('have little access to')
  await expect(author.getByTestId('outline').locator(`[data-comment-count="${section}"]`)).toHaveText('2')
  await expect(author.getByTestId('inbox-unread')).toHaveText('1', { timeout: 20_000 })
  await expect(author.getByTestId('filter-mentions')).toContainText('1')
  await author.screenshot({ path: 'test-results/comments/author-sees-review.png' })

  // The mention is in the author's inbox; opening it focuses the thread and marks it read (for her only).
  await author.getByTestId('inbox-button').click()
  await expect(author.getByTestId('inbox-item')).toHaveCount(1)
  await expect(author.getByTestId('inbox-item')).toContainText('Rui Reviewer mentioned you')
  await author.getByTestId('inbox-item').click()
  await expect(threadCard(author, 'rural areas')).toHaveAttribute('aria-current', 'true')
  await expect(author.getByTestId('inbox-unread')).toHaveCount(0)
  await expect.poll(async () => (await bea.api.call('GET', `/api/inbox?reportId=${report.id}`)).unread).toBe(0)
  await author.getByTestId('filter-open').click()

  // Clicking highlighted text focuses its thread.
  await sectionBody(author, section).locator('.chorus-comment', { hasText: 'lack access to' }).click()
  await expect(threadCard(author, 'lack access to')).toHaveAttribute('aria-current', 'true')
  await expect(sectionBody(author, section).locator('.chorus-comment.is-active')).toHaveText('lack access to')

  // The author replies.
  await threadCard(author, 'rural areas').getByTestId('reply-button').click()
  await threadCard(author, 'rural areas').getByTestId('comment-input').pressSequentially('Mostly the northern provinces; figures follow.')
  await threadCard(author, 'rural areas').getByTestId('comment-input').press('Enter')
  await expect(threadCard(reviewer, 'rural areas').getByTestId('comment-message')).toHaveCount(2)
  await expect(threadCard(reviewer, 'rural areas')).toContainText('Mostly the northern provinces')
  await expect(reviewer.getByTestId('inbox-unread')).toHaveText('1', { timeout: 20_000 })

  // The author accepts: the text changes as the author's own edit, the thread records it.
  await threadCard(author, 'lack access to').getByTestId('suggestion-accept').click()
  await expect.poll(() => pageText(author, section)).toBe('Children in rural areas have little access to secondary schools.')
  await expectConnected(author)
  expect((await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe('Children in rural areas have little access to secondary schools.')
  const stored = readThreads(await serverDoc(chorus.server.url, chorus.admin.account, report.id))
  expect(stored.find(t => t.quote === 'lack access to')).toMatchObject({ status: 'accepted', suggestion: { status: 'accepted', decidedBy: bea.account.id } })

  // The reviewer sees the changed text and the thread marked accepted (under Resolved).
  await expect.poll(() => pageText(reviewer, section)).toBe('Children in rural areas have little access to secondary schools.')
  await expect(sectionBody(reviewer, section).locator('ins.chorus-suggestion-new')).toHaveCount(0)
  await reviewer.getByTestId('filter-resolved').click()
  await expect(threadCard(reviewer, 'lack access to')).toHaveAttribute('data-status', 'accepted')
  await expect(threadCard(reviewer, 'lack access to').getByTestId('suggestion-decision')).toHaveText(/Accepted by Bea Author/)
  await reviewer.screenshot({ path: 'test-results/comments/reviewer-sees-accepted.png' })

  // The reviewer resolves the thread they started; it leaves the open list and the outline count.
  await reviewer.getByTestId('filter-open').click()
  await threadCard(reviewer, 'rural areas').getByTestId('resolve-button').click()
  await expect(reviewer.getByTestId('comments-panel').getByTestId('comment-thread')).toHaveCount(0)
  await expect(author.getByTestId('outline').locator(`[data-comment-count="${section}"]`)).toHaveCount(0)
  await reviewer.getByTestId('filter-mine').click()
  await expect(reviewer.getByTestId('comments-panel').getByTestId('comment-thread')).toHaveCount(2)

  // On a tablet the panel is a slide-over.
  await reviewer.setViewportSize({ width: 820, height: 1180 })
  await reviewer.getByTestId('comments-toggle').click()
  await expect(reviewer.getByRole('dialog').getByTestId('comments-panel')).toBeVisible()
  await reviewer.screenshot({ path: 'test-results/comments/reviewer-tablet.png' })
  await reviewer.keyboard.press('Escape')

  // The accepted replacement is in the author's undo history.
  await caretIn(author, section)
  await author.keyboard.press('Control+z')
  await expect.poll(() => pageText(author, section)).toBe('Children in rural areas lack access to secondary schools.')
})

test('a comment\'s highlight follows its words while another page types inside and around them, and outlives them as "text removed"', async ({ chorus }) => {
  const ada = await chorus.newAccount('Ada Author')
  const ben = await chorus.newAccount('Ben Author')
  const report = await createReport(chorus, 'Anchors', [{ account: ada.account, role: 'author' }, { account: ben.account, role: 'author' }])
  const section = report.sectionIds[1]!
  const a = await (await chorus.signedInContext(ada.account)).newPage()
  const b = await (await chorus.signedInContext(ben.account)).newPage()
  await openReport(a, report.id)
  await openReport(b, report.id)
  await caretIn(a, section)
  await a.keyboard.insertText('The plan covers education health and protection of children.')
  await expect(sectionBody(b, section)).toContainText('protection of children')

  // Ctrl+Alt+M comments on the selection, as in Word and Docs.
  await selectText(a, section, 'education health')
  await a.keyboard.press('Control+Alt+m')
  await expect(a.getByTestId('new-thread')).toBeVisible()
  await a.getByTestId('new-thread').getByTestId('comment-input').pressSequentially('Split into two paragraphs?')
  await a.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  await expect.poll(() => highlightedTexts(b, section)).toEqual(['education health'])

  // Ben types right before, inside and right after the range while Ada types at the end.
  await caretAt(b, section, 'education', 'before')
  await Promise.all([
    (async () => {
      await b.keyboard.type('primary ')
      await caretAt(b, section, 'health', 'before')
      await b.keyboard.type('mental ')
      await caretAt(b, section, 'health', 'after')
      await b.keyboard.type(', nutrition')
    })(),
    (async () => {
      await caretIn(a, section)
      await a.keyboard.type(' It runs to 2030.')
    })(),
  ])
  const expected = 'The plan covers primary education mental health, nutrition and protection of children. It runs to 2030.'
  await expect.poll(() => pageText(a, section)).toBe(expected)
  await expect.poll(() => pageText(b, section)).toBe(expected)
  for (const page of [a, b]) await expect.poll(() => highlightedTexts(page, section)).toEqual(['education mental health'])
  await expectConnected(a)
  await expectConnected(b)
  // The stored anchors say the same: resolve them in the server's copy.
  const doc = await serverDoc(chorus.server.url, chorus.admin.account, report.id)
  const [thread] = readThreads(doc)
  const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(thread!.anchorStart), doc)!
  const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(thread!.anchorEnd), doc)!
  expect(start.type.toString().replace(/<[^>]*>/g, '').slice(start.index, end.index)).toBe('education mental health')
  await a.screenshot({ path: 'test-results/comments/anchor-follows.png' })

  // Ben deletes the commented words: the thread stays, marked "text removed", with its excerpt.
  await caretAt(b, section, 'primary', 'after')
  await b.keyboard.down('Shift')
  for (let i = 0; i < ' education mental health'.length; i++) await b.keyboard.press('ArrowRight')
  await b.keyboard.up('Shift')
  await b.keyboard.press('Delete')
  await expect.poll(() => pageText(a, section)).toBe('The plan covers primary, nutrition and protection of children. It runs to 2030.')
  await expect(threadCard(a, 'education health').getByTestId('text-removed')).toHaveText('Text removed')
  await expect(threadCard(a, 'education health').getByTestId('comment-quote')).toHaveText('education health')
  await expect.poll(() => highlightedTexts(a, section)).toEqual([])
})

test('a suggestion whose text changed meanwhile says so, shows the current text and applies only when asked again', async ({ chorus }) => {
  const ada = await chorus.newAccount('Ada Author')
  const ben = await chorus.newAccount('Ben Author')
  const report = await createReport(chorus, 'Changed text', [{ account: ada.account, role: 'author' }, { account: ben.account, role: 'author' }])
  const section = report.sectionIds[2]!
  const a = await (await chorus.signedInContext(ada.account)).newPage()
  const b = await (await chorus.signedInContext(ben.account)).newPage()
  await openReport(a, report.id)
  await openReport(b, report.id)
  await caretIn(a, section)
  await a.keyboard.insertText('The coalition unites twelve organisations.')

  await commentOn(a, section, 'twelve organisations', 'suggestion')
  await a.getByTestId('suggestion-input').fill('fifteen organisations')
  await a.getByTestId('suggestion-input').press('Enter')
  await a.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  const card = threadCard(b, 'twelve organisations')
  await expect(card.getByTestId('suggestion-accept')).toHaveText('Accept')

  // Ada changes the words inside the suggested range; Ben is told instead of applying blindly.
  await caretAt(a, section, 'organisations', 'before')
  await a.keyboard.type('member ')
  await expect(card.getByTestId('suggestion-changed')).toContainText('The text changed since the suggestion.')
  await expect(card.getByTestId('suggestion-current')).toHaveText('twelve member organisations')
  await expect(card.getByTestId('suggestion-accept')).toHaveText('Apply anyway')
  await expect.poll(() => pageText(b, section)).toBe('The coalition unites twelve member organisations.')
  await b.screenshot({ path: 'test-results/comments/suggestion-text-changed.png' })

  await card.getByTestId('suggestion-accept').click()
  await expect.poll(() => pageText(b, section)).toBe('The coalition unites fifteen organisations.')
  await expect.poll(() => pageText(a, section)).toBe('The coalition unites fifteen organisations.')
  await b.getByTestId('filter-resolved').click()
  await expect(card).toHaveAttribute('data-status', 'accepted')
})
