/**
 * Threads beside the text on wide screens (≥ 1440 px), as in Word and Google Docs: each card at
 * the height of its words, a card whose words are close to the previous card's pushed below it,
 * never overlapping; the focused thread pulled beside its words; still lined up after scrolling
 * (the margin scrolls with the text). Below 1440 px the list panel is used. Screenshots:
 * test-results/comments/margin-*.png.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, sectionBody } from './editor.helpers'
import { commentOn } from './comments.helpers'

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1600, height: 900 } })
test.afterEach(closePages)

/** Viewport coordinates; `inText` is where the words are within the scrolled text (scrolling does not change it). */
interface Placed { id: string, quote: string, top: number, bottom: number, anchor: number | null, inText: number | null, active: boolean }

/** Each margin card of a thread: its box and the top of its highlighted words (viewport coordinates). */
function placedCards(page: Page): Promise<Placed[]> {
  return page.getByTestId('comments-margin').evaluate((margin) => {
    const origin = margin.getBoundingClientRect().top
    return [...margin.querySelectorAll<HTMLElement>('[data-testid="margin-card"]')]
      .filter(card => card.dataset.marginCard?.startsWith('t:'))
      .map((card) => {
        const id = card.dataset.marginCard!.slice(2)
        const box = card.getBoundingClientRect()
        const words = document.querySelector(`.chorus-comment-t-${CSS.escape(id)}`)
        return {
          id,
          quote: card.querySelector('[data-testid="comment-quote"]')?.textContent ?? '',
          top: Math.round(box.top),
          bottom: Math.round(box.bottom),
          anchor: words ? Math.round(words.getBoundingClientRect().top) : null,
          inText: words ? Math.round(words.getBoundingClientRect().top - origin) : null,
          active: card.querySelector('[aria-current="true"]') !== null,
        }
      })
      .sort((a, b) => a.top - b.top)
  })
}

/**
 * What is wrong with the layout, or '': a card neither beside its words (±3 px) nor pushed below
 * the card above it (or up by the focused card below it); two cards overlapping.
 */
function layoutProblems(cards: Placed[]): string {
  const problems: string[] = []
  cards.forEach((c, i) => {
    const above = cards[i - 1]
    const below = cards[i + 1]
    const beside = c.anchor !== null && Math.abs(c.top - c.anchor) <= 3
    const pushedDown = c.anchor !== null && above && c.top > c.anchor && Math.abs(c.top - (above.bottom + 8)) <= 3
    const pushedUp = c.anchor !== null && below && c.top < c.anchor && Math.abs(below.top - (c.bottom + 8)) <= 3
    if (c.anchor === null) problems.push(`"${c.quote}": no highlight`)
    else if (!beside && !pushedDown && !pushedUp) problems.push(`"${c.quote}" at ${c.top}, its words at ${c.anchor}`)
    if (above && c.top < above.bottom) problems.push(`"${c.quote}" overlaps "${above.quote}"`)
  })
  return problems.join('; ')
}

async function writeComment(page: Page, sectionId: string, words: string, text: string) {
  await commentOn(page, sectionId, words)
  await page.getByTestId('new-thread').getByTestId('comment-input').pressSequentially(text)
  await page.getByTestId('new-thread').getByTestId('comment-input').press('Enter')
  await expect(page.getByTestId('new-thread')).toHaveCount(0)
}

test('on a wide screen each thread sits beside its words, stacked without overlap, and follows them while scrolling; narrower screens get the list', async ({ chorus }) => {
  const report = await createReport(chorus, 'Margin')
  const section = report.sectionIds[0]!
  const page = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, report.id)
  await expect(page.getByTestId('comments-margin')).toBeVisible()
  await expect(page.getByTestId('comments-panel')).toHaveCount(0)

  // Two paragraphs far apart, with filler before and between them.
  await caretIn(page, section)
  await page.keyboard.insertText('An opening paragraph, so that the cards have room above the first thread.')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('A second one: a focused card pulls the card above it up, and that needs room.')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('Children in rural areas lack access to secondary schools.')
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Enter')
    await page.keyboard.insertText(`Paragraph ${i + 1} of the background, long enough to fill a line of the report and more, so that the page scrolls.`)
  }
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('Birth registration is free but slow in the provinces.')
  await expectConnected(page)

  await writeComment(page, section, 'rural areas', 'Which regions?')
  await writeComment(page, section, 'Birth registration', 'Since when?')
  await expect.poll(async () => (await placedCards(page)).length).toBe(2)
  await expect.poll(async () => layoutProblems(await placedCards(page)), { message: 'cards beside their words' }).toBe('')
  const [first, second] = await placedCards(page)
  expect(first!.quote).toBe('rural areas')
  expect(second!.top - first!.bottom).toBeGreaterThan(100)
  await page.screenshot({ path: 'test-results/comments/margin-two-threads.png' })

  // Scrolling moves the cards with the text: still beside their words.
  const scroller = page.getByTestId('report-scroller')
  const before = (await placedCards(page))[1]!.top
  await scroller.evaluate(el => el.scrollBy(0, 180))
  await expect.poll(async () => (await placedCards(page))[1]!.top).toBeLessThan(before - 100)
  expect(layoutProblems(await placedCards(page))).toBe('')
  await scroller.evaluate(el => el.scrollTo(0, 0))

  // A third thread on the same line as the first. The new thread is focused: it sits beside its
  // words and the first card moves up to make room.
  await writeComment(page, section, 'secondary schools', 'Public or private?')
  await expect.poll(async () => (await placedCards(page)).length).toBe(3)
  await expect.poll(async () => layoutProblems(await placedCards(page))).toBe('')
  let cards = await placedCards(page)
  expect(cards.map(c => [c.quote, c.active])).toEqual([['rural areas', false], ['secondary schools', true], ['Birth registration', false]])
  expect(Math.abs(cards[1]!.top - cards[1]!.anchor!)).toBeLessThanOrEqual(3)
  expect(cards[0]!.top).toBeLessThan(cards[0]!.anchor! - 20)
  await page.screenshot({ path: 'test-results/comments/margin-focused.png' })

  // Clicking the first thread's words focuses it: its card comes beside them, the new one is pushed below it.
  await sectionBody(page, section).locator('.chorus-comment', { hasText: 'rural areas' }).click()
  await expect.poll(async () => {
    const c = (await placedCards(page)).find(x => x.quote === 'rural areas')!
    return c.active && Math.abs(c.top - c.anchor!) <= 3
  }, { message: 'the focused card beside its words' }).toBe(true)
  await expect.poll(async () => layoutProblems(await placedCards(page))).toBe('')
  cards = await placedCards(page)
  expect(cards.map(c => c.quote)).toEqual(['rural areas', 'secondary schools', 'Birth registration'])
  expect(cards[1]!.top).toBeGreaterThan(cards[1]!.anchor! + 20)
  await page.screenshot({ path: 'test-results/comments/margin-pushed.png' })

  // Clicking a card focuses its thread: its words are marked, and it sits beside them.
  await page.locator('[data-margin-card] [data-testid="comment-quote"]', { hasText: 'Birth registration' }).click()
  await expect(sectionBody(page, section).locator('.chorus-comment.is-active')).toHaveText('Birth registration')
  await expect.poll(async () => {
    const c = (await placedCards(page)).find(x => x.quote === 'Birth registration')!
    return c.active && Math.abs(c.top - c.anchor!) <= 3
  }, { message: 'the clicked card beside its words' }).toBe(true)
  await expect.poll(async () => layoutProblems(await placedCards(page))).toBe('')

  // Writing above the threads moves their words down: the cards follow.
  const firstBefore = (await placedCards(page)).find(x => x.quote === 'rural areas')!
  await caretIn(page, section, 'start')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('A new first paragraph, written after the threads, long enough to take two lines of the text column here.')
  await expect.poll(async () => (await placedCards(page)).find(x => x.quote === 'rural areas')!.inText).toBeGreaterThan(firstBefore.inText! + 40)
  await expect.poll(async () => layoutProblems(await placedCards(page))).toBe('')

  // Below 1440 px: the list panel beside the text, no margin.
  await page.setViewportSize({ width: 1280, height: 900 })
  await expect(page.getByTestId('comments-panel')).toBeVisible()
  await expect(page.getByTestId('comments-margin')).toHaveCount(0)
  await expect(page.getByTestId('comments-panel').getByTestId('comment-thread')).toHaveCount(3)
})
