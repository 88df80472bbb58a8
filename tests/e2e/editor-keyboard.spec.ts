/**
 * The keyboard as a Word user expects it (issue 9, bugs 1, 2 and the toolbar half of 6): the body
 * and the footnotes are two stories — Ctrl+End/Home stay in the body, a note is entered by its
 * number and left with Escape; Tab never takes the focus out of the text (it nests list items,
 * moves between table cells, and indents elsewhere); Escape then Tab leaves the editor; the
 * toolbar is one row at 1280 px, one Tab stop with arrow keys inside, and tells why a button
 * cannot act in a footnote. Real keys in Chromium, real server.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { closePages, createReport, newPage, openReport, sectionBody, serverSection, showSection } from './editor.helpers'
import { axeViolations } from './suggestions.helpers'

test.afterEach(closePages)

interface PMJson { type: string, attrs?: Record<string, unknown>, content?: PMJson[], text?: string }
const text = (n: PMJson): string => n.text ?? (n.content ?? []).map(text).join('')

/** The section body as the editor holds it: body blocks and notes, each as plain text. */
async function story(body: Locator): Promise<{ body: Array<{ type: string, text: string }>, notes: string[] }> {
  const json = await body.evaluate(el => (el as unknown as { editor: { getJSON: () => unknown } }).editor.getJSON()) as PMJson
  const blocks = json.content ?? []
  const notes = blocks.find(b => b.type === 'footnotes')?.content ?? []
  return { body: blocks.filter(b => b.type !== 'footnotes').map(b => ({ type: b.type, text: text(b) })), notes: notes.map(text) }
}

/** Is the keyboard focus inside this section's text? */
const focusInside = (body: Locator) => body.evaluate(el => el.contains(document.activeElement))

async function authorWithReport(chorus: Parameters<Parameters<typeof test>[2]>[0]['chorus'], title: string) {
  const author = await chorus.newAccount('Kim Keys')
  const report = await createReport(chorus, title, [{ account: author.account, role: 'author' }])
  const page = (await newPage(chorus, author.account)).page
  return { author, report, page }
}

async function startTyping(page: Page, sectionId: string): Promise<Locator> {
  await showSection(page, sectionId)
  const body = sectionBody(page, sectionId)
  await body.click()
  return body
}

test('footnotes are a story of their own: Ctrl+End/Home stay in the body, Escape leaves a note for its reference', async ({ chorus }) => {
  test.slow()
  const { author, report, page } = await authorWithReport(chorus, 'Footnote keys')
  // Wide enough for every tool to be in the toolbar itself (narrower, some move into "More").
  await page.setViewportSize({ width: 1920, height: 1000 })
  const section = report.sectionIds[1]!
  await openReport(page, report.id)
  const body = await startTyping(page, section)
  const k = page.keyboard

  await k.type('Children are heard')
  await k.press('Control+Alt+f')
  await k.type('CRC/C/GC/12.')
  // Escape leaves the note: the caret is right after the reference, in the body.
  await k.press('Escape')
  await k.type(' in court.')
  expect(await story(body)).toEqual({ body: [{ type: 'paragraph', text: 'Children are heard in court.' }], notes: ['CRC/C/GC/12.'] })
  expect(await focusInside(body)).toBe(true)

  // Ctrl+End from the body: the end of the body, not the last note. Enter and text stay in the body.
  await k.press('Control+Home')
  await k.press('Control+End')
  await k.press('Enter')
  await k.type('A second paragraph.')
  // Ctrl+Home: the start of the body.
  await k.press('Control+End')
  await k.press('Control+Home')
  await k.type('First: ')
  // Right/Down at the end of the body do not walk into the notes.
  await k.press('Control+End')
  await k.press('ArrowDown')
  await k.press('ArrowRight')
  await k.type(' End.')
  expect(await story(body)).toEqual({
    body: [{ type: 'paragraph', text: 'First: Children are heard in court.' }, { type: 'paragraph', text: 'A second paragraph. End.' }],
    notes: ['CRC/C/GC/12.'],
  })

  // A note is entered by its number (clicking the reference); Ctrl+End there stays in the notes.
  await body.locator('sup.footnote-ref').click()
  await k.press('Control+End')
  await k.type(' Para. 32.')
  // In a note, buttons that cannot act there are disabled, and say why.
  const toolbar = page.getByTestId('editor-toolbar')
  for (const tool of ['bulletList', 'orderedList', 'blockquote', 'table', 'footnote']) {
    await expect(toolbar.locator(`[data-tool=${tool}]`), tool).toBeDisabled()
  }
  await expect(toolbar.locator('[data-tool=textStyle]')).toBeDisabled()
  await expect(toolbar.locator('[data-tool=bold]')).toBeEnabled()
  await toolbar.locator('[data-tool=bulletList]').hover()
  await expect(page.getByText('Bulleted list — Not available in a footnote').first()).toBeVisible()
  await expect(toolbar.locator('[data-tool=bulletList]')).toHaveAccessibleDescription(/Not available in a footnote/)
  // …and their keys put nothing into the note either.
  await body.locator('li.footnote p').click()
  await k.press('End')
  await k.press('Control+Shift+8')
  await k.press('Control+Alt+1')
  await k.press('Escape')
  await k.type(' Always.')
  expect(await story(body)).toEqual({
    body: [{ type: 'paragraph', text: 'First: Children are heard Always. in court.' }, { type: 'paragraph', text: 'A second paragraph. End.' }],
    notes: ['CRC/C/GC/12. Para. 32.'],
  })
  // Back in the body the buttons work again.
  await expect(toolbar.locator('[data-tool=bulletList]')).toBeEnabled()

  await expect.poll(async () => (await serverSection(chorus.server.url, author.account, report.id, section)).text, { timeout: 15_000 })
    .toBe('First: Children are heard Always. in court. A second paragraph. End. CRC/C/GC/12. Para. 32.')
})

test('Tab never leaves the text: it indents, nests list items, moves between cells; Escape then Tab leaves', async ({ chorus }) => {
  test.slow()
  const { report, page } = await authorWithReport(chorus, 'Tab keys')
  const section = report.sectionIds[1]!
  await openReport(page, report.id)
  const body = await startTyping(page, section)
  const k = page.keyboard

  // A plain paragraph: Tab indents with a tab character, as in Word; focus stays.
  await k.press('Tab')
  await k.type('Indented')
  await k.press('Shift+Tab')
  await k.type(' still here')
  expect(await focusInside(body)).toBe(true)
  expect((await story(body)).body).toEqual([{ type: 'paragraph', text: '\tIndented still here' }])

  // A list: Tab on the first item cannot nest but keeps the focus; on the second it nests.
  await k.press('Enter')
  await k.press('Control+Shift+8')
  await k.type('one')
  await k.press('Tab')
  await k.press('Enter')
  await k.press('Tab')
  await k.type('nested')
  expect(await focusInside(body)).toBe(true)
  await expect(body.locator('ul ul li')).toHaveText('nested')
  await k.press('Shift+Tab')
  await expect(body.locator('ul ul')).toHaveCount(0)
  await k.press('Enter')
  await k.press('Enter') // leaves the list

  // A footnote: Tab indents there too.
  await k.type('Noted')
  await k.press('Control+Alt+f')
  await k.press('Tab')
  await k.type('note')
  expect(await focusInside(body)).toBe(true)
  expect((await story(body)).notes).toEqual(['\tnote'])
  await k.press('Escape')

  // A table: Tab goes cell to cell; Shift+Tab in the first cell stays there.
  await page.getByTestId('editor-toolbar').locator('[data-tool=table]').click()
  await page.getByRole('menuitem', { name: 'Insert table' }).click()
  await k.press('Shift+Tab')
  await k.type('A')
  await k.press('Tab')
  await k.type('B')
  expect(await focusInside(body)).toBe(true)
  await expect(body.locator('table tr').first().locator('th, td').nth(0)).toHaveText('A')
  await expect(body.locator('table tr').first().locator('th, td').nth(1)).toHaveText('B')

  // Keyboard users leave with Escape, then Tab (Shift+Tab back); anything else in between keeps Tab indenting.
  await k.press('Escape')
  await k.press('Tab')
  expect(await focusInside(body)).toBe(false)
  await k.press('Shift+Tab')
  expect(await focusInside(body)).toBe(true)
  await k.press('Escape')
  await k.type('C')
  await k.press('Tab')
  expect(await focusInside(body)).toBe(true)

  // The shortcuts dialog says how to leave, and Escape still closes it.
  await k.press('Control+/')
  const help = page.getByTestId('shortcuts-help')
  await expect(help).toContainText('Leave the text')
  await expect(help).toContainText('Back from a footnote to its reference')
  await k.press('Escape')
  await expect(help).toBeHidden()
})

test('the toolbar is one row at 1280 px, one Tab stop with arrow keys inside, and passes axe', async ({ chorus }) => {
  test.slow()
  const { report, page } = await authorWithReport(chorus, 'Toolbar row')
  await page.setViewportSize({ width: 1280, height: 800 })
  const section = report.sectionIds[0]!
  await openReport(page, report.id)
  await startTyping(page, section)

  const toolbar = page.getByTestId('editor-toolbar')
  const buttons = toolbar.locator('button:visible')
  const tops = await buttons.evaluateAll(list => list.map(b => Math.round(b.getBoundingClientRect().top)))
  expect(tops.length).toBeGreaterThanOrEqual(8)
  expect(Math.max(...tops) - Math.min(...tops), `button tops ${tops.join(', ')}`).toBeLessThanOrEqual(4)
  const bar = await toolbar.boundingBox()
  expect(bar!.height).toBeLessThan(44)

  // Roving tabindex: one Tab stop; arrows, Home and End move inside; every button is named.
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1)
  await toolbar.locator('[data-tool=bold]').focus()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.locator('[data-tool=italic]')).toBeFocused()
  await expect(toolbar.locator('[data-tool=italic]')).toHaveAttribute('tabindex', '0')
  await expect(toolbar.locator('[data-tool=bold]')).toHaveAttribute('tabindex', '-1')
  await page.keyboard.press('End')
  await expect(toolbar.locator('button').last()).toBeFocused()
  await page.keyboard.press('Home')
  await expect(toolbar.locator('button').first()).toBeFocused()
  for (const name of await buttons.evaluateAll(list => list.map(b => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''))) {
    expect(name.length).toBeGreaterThan(0)
  }
  // The tools moved into "More" are still reachable from the keyboard.
  await toolbar.locator('[data-tool=more]').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'Line break' })).toBeVisible()
  await page.keyboard.press('Escape')

  expect(await axeViolations(page, ['[data-testid="editor-toolbar"]'])).toEqual([])

  // The cut is computed from widths measured once: at any width the row fits, and the narrower
  // the row the more tools are in "More" (never fewer).
  const row = toolbar.locator('xpath=..')
  const seen: Array<{ room: number, shown: number }> = []
  for (const width of [1600, 1280, 1100, 960, 820, 700]) {
    await page.setViewportSize({ width, height: 800 })
    await expect.poll(() => row.evaluate(el => el.scrollWidth - el.clientWidth), { message: `row at ${width} px` }).toBeLessThanOrEqual(1)
    seen.push({ room: await row.evaluate(el => el.clientWidth), shown: await toolbar.locator('[data-tool]:visible').count() })
  }
  seen.sort((a, b) => b.room - a.room)
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.shown, JSON.stringify(seen)).toBeLessThanOrEqual(seen[i - 1]!.shown)
})
