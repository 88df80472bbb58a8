/**
 * Comment text is plain text: HTML and script typed into comments, replies, suggestions, member
 * names (which appear in mentions) and inbox excerpts are shown literally and never run; only
 * http, https and mailto links become links, and they open without an opener.
 */
import * as Y from 'yjs'
import { addThread } from '../../shared/commentsDoc'
import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'
import { caretIn, createReport, openReport, sectionBody } from './editor.helpers'
import { commentOn, threadCard } from './comments.helpers'
import { YClient } from '../integration/support/yclient'

// Several pages and a slow machine: give the whole scenario room.
test.describe.configure({ timeout: 180_000 })

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
const SCRIPT = '<script>window.__xss=2;alert(2)</script>'
const JS_LINK = 'javascript:window.__xss=3;alert(3)'

/** Fail on any dialog; remember it. */
function watchForScript(page: Page, dialogs: string[]) {
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
}

async function expectInert(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('script:text-matches("__xss")')).toHaveCount(0)
  await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
}

test('HTML and javascript: links in comments, replies, suggestions, mentions and the inbox stay inert text', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Author')
  const eve = await chorus.newAccount(`Eve ${IMG}`)
  const report = await createReport(chorus, 'Security review', [{ account: bea.account, role: 'author' }, { account: eve.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  const page = await (await chorus.signedInContext(bea.account)).newPage()
  const dialogs: string[] = []
  watchForScript(page, dialogs)
  await openReport(page, report.id)
  await caretIn(page, section)
  await page.keyboard.insertText('The ombudsperson received 412 complaints in 2025.')

  // Bea comments with payloads and mentions Eve, whose name is itself a payload, through the @ list.
  await commentOn(page, section, '412 complaints')
  const input = page.getByTestId('new-thread').getByTestId('comment-input')
  await input.fill(`${IMG} ${SCRIPT} see ${JS_LINK} and https://example.org/report?x=1. Also `)
  await input.press('End')
  await input.pressSequentially('@Eve')
  await expect(page.getByTestId('mention-list')).toContainText(`Eve ${IMG}`)
  await input.press('Enter')
  await input.press('Enter')
  const card = threadCard(page, '412 complaints')
  const body = card.getByTestId('comment-body')
  await expect(body).toContainText(IMG)
  await expect(body).toContainText(SCRIPT)
  await expect(body).toContainText(JS_LINK)
  await expect(body.locator(`[data-mention="${eve.account.id}"]`)).toHaveText(`@Eve ${IMG}`)
  const links = body.locator('a')
  await expect(links).toHaveCount(1)
  await expect(links).toHaveAttribute('href', 'https://example.org/report?x=1')
  await expect(links).toHaveAttribute('rel', /noopener/)
  await expectInert(page)

  // Eve, through a plain y-websocket client, opens a suggestion whose text and body are payloads.
  const client = new YClient(chorus.server.url, report.id, eve.account.cookie)
  await client.synced()
  const text = (client.doc.getXmlFragment(`section:${section}`).get(0) as Y.XmlElement).get(0) as Y.XmlText
  const at = text.toString().indexOf('ombudsperson')
  addThread(client.doc, {
    sectionId: section,
    anchorStart: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, 0)),
    anchorEnd: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at + 'ombudsperson'.length, -1)),
    quote: 'ombudsperson',
    author: { id: eve.account.id, name: eve.account.name },
    body: `[click](${JS_LINK}) <a href="${JS_LINK}">here</a> @Bea Author`,
    mentions: [bea.account.id],
    suggestion: `ombudsman ${IMG}`,
  })
  const suggestionCard = threadCard(page, 'ombudsperson')
  await expect(suggestionCard.getByTestId('suggestion-new')).toHaveText(`ombudsman ${IMG}`)
  await expect(suggestionCard.getByTestId('comment-author')).toHaveText(`Eve ${IMG}`)
  await expect(suggestionCard.getByTestId('comment-body')).toContainText(`<a href="${JS_LINK}">here</a>`)
  await expect(sectionBody(page, section).locator('ins.chorus-suggestion-new')).toHaveText(`ombudsman ${IMG}`)
  await expectInert(page)
  client.destroy()

  // The inbox shows Eve's mention of Bea, literally.
  await expect(page.getByTestId('inbox-unread')).toHaveText('1', { timeout: 20_000 })
  await page.getByTestId('inbox-button').click()
  await expect(page.getByTestId('inbox-item').first()).toContainText(`Eve ${IMG}`)
  await expect(page.getByTestId('inbox-item').first()).toContainText(`<a href="${JS_LINK}">here</a>`)
  await expectInert(page)
  await page.screenshot({ path: 'test-results/comments/xss-inert.png' })

  // Accepting the suggestion writes its text as text, not markup.
  await page.keyboard.press('Escape')
  await suggestionCard.getByTestId('suggestion-accept').click()
  await expect(sectionBody(page, section)).toContainText(`The ombudsman ${IMG} received`)
  await expectInert(page)
  expect(dialogs).toEqual([])
})
