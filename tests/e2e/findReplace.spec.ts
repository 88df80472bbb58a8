/**
 * Find and replace across the report (Ctrl+F / Ctrl+H) in real Chromium: an author finds a word
 * in the body and a footnote of one section, in a section far down the page whose editor does not
 * exist yet, and in a final section; match case and whole words narrow it; the current match is
 * revealed in "One section" mode; Replace all changes the sections the author may edit (one undo
 * step per section) and skips the final one, saying so. A reviewer's Replace all becomes
 * suggestions (deletion + insertion) that the hub accepts and the author then sees; matches in text
 * already suggested for deletion are not replaced again. The bar passes axe. Screenshots:
 * test-results/find/.
 */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { test, expect } from './fixtures'
import type { Chorus } from './fixtures'
import { YClient } from '../integration/support/yclient'
import { closePages, createReport, expectConnected, newPage, openReport, sectionBody, serverSection } from './editor.helpers'
import type { TestReport } from './editor.helpers'
import { axeViolations, suggestedTexts } from './suggestions.helpers'
import { chorusSchema } from '../../shared/editor/extensions'

test.describe.configure({ timeout: 240_000 })
test.afterEach(closePages)

const para = (text: string, ref?: string) => ({
  type: 'paragraph',
  content: [{ type: 'text', text }, ...(ref ? [{ type: 'footnoteReference', attrs: { id: ref } }] : [])],
})

/** Write section bodies as the secretariat, through a y-websocket client, and wait for the server's copy. */
async function writeSections(chorus: Chorus, report: TestReport, bodies: Record<string, object[]>) {
  const client = new YClient(chorus.server.url, report.id, chorus.admin.account.cookie)
  try {
    await client.synced()
    client.doc.transact(() => {
      for (const [id, content] of Object.entries(bodies)) {
        prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content }, client.doc.getXmlFragment(`section:${id}`))
      }
    })
    for (const id of Object.keys(bodies)) {
      await expect.poll(async () => (await serverSection(chorus.server.url, chorus.admin.account, report.id, id)).text).not.toBe('')
    }
  } finally {
    client.destroy()
  }
}

const count = (page: import('@playwright/test').Page) => page.getByTestId('find-count')

test('an author finds across sections and a footnote, replaces all where they may, and a final section is skipped', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Author')
  const report = await createReport(chorus, 'Find and replace', [{ account: bea.account, role: 'author' }])
  const [first, , , locked] = report.sectionIds
  const far = report.textSectionIds.at(-1)!
  // Never visited before Replace all: its editor is created to replace in it.
  const farther = report.textSectionIds.at(-2)!
  await writeSections(chorus, report, {
    [first!]: [
      para('The child protection law protects every child and all children.', 'n1'),
      { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'n1' }, content: [para('See the Child Act.')] }] },
    ],
    [farther]: [para('A child’s voice.')],
    [far]: [para('Each child has a right to be heard.')],
    [locked!]: [para('A child in care.')],
  })
  await chorus.admin.api.call('PATCH', `/api/reports/${report.id}/sections/${locked}`, { status: 'final' })

  const { page } = await newPage(chorus, bea.account)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openReport(page, report.id)
  // The last section is far below: shown as static text, no editor yet.
  await expect(page.locator(`[data-section-static="${far}"]`)).toBeAttached()
  await expect(sectionBody(page, far)).toHaveCount(0)

  // Nobody's caret in the text: the search starts at the top of the report.
  await page.keyboard.press('Control+f')
  const bar = page.getByTestId('find-bar')
  await expect(bar).toBeVisible()
  await expect(page.getByTestId('find-input')).toBeFocused()
  await page.keyboard.type('zebra')
  await expect(count(page)).toHaveText('No matches')
  await page.getByTestId('find-input').fill('child')
  // Body (child, child, children), footnote (Child), the final section and the two far ones.
  await expect(count(page)).toHaveText(/of 7$/)
  await expect(sectionBody(page, first!).locator('.chorus-find-match')).toHaveCount(4)
  await page.getByTestId('find-match-case').click()
  await expect(count(page)).toHaveText(/of 6$/)
  await page.getByTestId('find-whole-word').click()
  await expect(count(page)).toHaveText(/of 5$/)
  await page.getByTestId('find-match-case').click()
  await expect(count(page)).toHaveText(/of 6$/)
  await expect(sectionBody(page, first!).locator('.chorus-find-match')).toHaveCount(3)

  // "One section": stepping to a match in another section shows that section, its match current.
  await page.getByTestId('focus-mode').click()
  await page.getByTestId('find-input').focus()
  await expect(count(page)).toHaveText('1 of 6')
  // Shift+Enter from the first wraps round to the last match, in the last section.
  await page.keyboard.press('Shift+Enter')
  await expect(count(page)).toHaveText('6 of 6')
  await expect(sectionBody(page, far)).toBeVisible()
  await expect(page.locator(`#section-${first}`)).toBeHidden()
  await expect(sectionBody(page, far).locator('.chorus-find-match.is-current')).toHaveText('child')
  await expect(sectionBody(page, far).locator('.chorus-find-match.is-current')).toBeInViewport()
  await page.keyboard.press('F3')
  await expect(count(page)).toHaveText('1 of 6')
  for (let i = 1; i < 4; i++) await page.keyboard.press('Enter')
  await expect(count(page)).toHaveText('4 of 6')
  await expect(sectionBody(page, locked!).locator('.chorus-find-match.is-current')).toBeVisible()
  await page.getByTestId('focus-mode').locator('xpath=preceding-sibling::button[1]').click()

  // Replace all: the final section is skipped and the bar says why.
  await page.keyboard.press('Control+h')
  await expect(page.getByTestId('replace-input')).toBeFocused()
  await page.keyboard.type('girl')
  await expect(sectionBody(page, farther)).toHaveCount(0)
  await expect(page.getByTestId('find-message')).toHaveText('Replace will skip 1 match in a final section (only the secretariat may change it).')
  const violations = await axeViolations(page, ['[data-testid="find-bar"]', `[data-section-body="${first}"]`])
  expect(violations).toEqual([])
  await page.screenshot({ path: 'test-results/find/replace-author.png' })
  await page.getByTestId('replace-all').click()
  await expect(page.getByTestId('find-message')).toHaveText('Replaced 5 matches. Skipped: 1 match in a final section (only the secretariat may change it).')
  await expect(count(page)).toHaveText('1 of 1')
  await expectConnected(page)
  expect((await serverSection(chorus.server.url, bea.account, report.id, first!)).text).toBe('The girl protection law protects every girl and all children. See the girl Act.')
  expect((await serverSection(chorus.server.url, bea.account, report.id, far)).text).toBe('Each girl has a right to be heard.')
  expect((await serverSection(chorus.server.url, bea.account, report.id, farther)).text).toBe('A girl’s voice.')
  expect((await serverSection(chorus.server.url, bea.account, report.id, locked!)).text).toBe('A child in care.')

  // Escape closes the bar and gives the focus back to the text; one Ctrl+Z undoes the section's replacements.
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  // The current match is in the final section, whose text cannot take the focus: its title does.
  await expect(page.locator(`#section-title-${locked}`)).toBeFocused()
  await sectionBody(page, first!).click()
  await page.keyboard.press('Control+z')
  await expectConnected(page)
  await expect.poll(async () => (await serverSection(chorus.server.url, bea.account, report.id, first!)).text)
    .toBe('The child protection law protects every child and all children. See the Child Act.')
  expect((await serverSection(chorus.server.url, bea.account, report.id, far)).text).toBe('Each girl has a right to be heard.')

  // The shortcuts dialog lists the keys.
  await page.keyboard.press('Control+/')
  await expect(page.getByTestId('shortcuts-help')).toContainText('Find and replace')
})

test('a reviewer\'s replace becomes suggestions the author sees; text already suggested for deletion is not replaced again', async ({ chorus }) => {
  const bea = await chorus.newAccount('Bea Author')
  const rui = await chorus.newAccount('Rui Reviewer')
  const report = await createReport(chorus, 'Find as a reviewer', [{ account: bea.account, role: 'author' }, { account: rui.account, role: 'reviewer' }])
  const section = report.sectionIds[0]!
  await writeSections(chorus, report, { [section]: [para('Every child and every child’s family.')] })

  const reviewer = (await newPage(chorus, rui.account)).page
  await openReport(reviewer, report.id)
  await reviewer.keyboard.press('Control+h')
  await reviewer.keyboard.type('child')
  await expect(count(reviewer)).toHaveText('1 of 2')
  // The bar and the highlighted text pass axe in the dark theme too.
  await reviewer.emulateMedia({ colorScheme: 'dark' })
  expect(await axeViolations(reviewer, ['[data-testid="find-bar"]', `[data-section-body="${section}"]`])).toEqual([])
  await reviewer.emulateMedia({ colorScheme: 'light' })
  await reviewer.getByTestId('replace-input').fill('girl')
  await expect(reviewer.getByTestId('find-bar')).toContainText('Replacements become suggestions')
  // Replace: the first match becomes a suggestion; it stays in the text, struck through, and the next one is current.
  await reviewer.getByTestId('replace-one').click()
  await expect(reviewer.getByTestId('find-message')).toHaveText('Suggested 1 replacement.')
  await expect(count(reviewer)).toHaveText('2 of 2')
  await reviewer.getByTestId('replace-all').click()
  await expect(reviewer.getByTestId('find-message')).toHaveText('Suggested 1 replacement. Skipped: 1 match in text already suggested for deletion.')
  await expectConnected(reviewer)
  expect(await suggestedTexts(reviewer, section)).toEqual({ inserted: ['girl', 'girl'], deleted: ['child', 'child'] })
  expect(await reviewer.getByTestId('connection-alert').count()).toBe(0)

  // The matches are still there, struck through: replacing again skips them.
  await expect(count(reviewer)).toHaveText(/of 2$/)
  await reviewer.getByTestId('replace-all').click()
  await expect(reviewer.getByTestId('find-message')).toHaveText('Nothing replaced. Skipped: 2 matches in text already suggested for deletion.')
  // Escape: the focus is back in the text, the current match selected.
  await reviewer.keyboard.press('Escape')
  await expect(reviewer.getByTestId('find-bar')).toBeHidden()
  await expect(sectionBody(reviewer, section)).toBeFocused()
  expect(await reviewer.evaluate(() => window.getSelection()?.toString())).toBe('child')

  const author = (await newPage(chorus, bea.account)).page
  await openReport(author, report.id)
  await expect.poll(() => suggestedTexts(author, section)).toEqual({ inserted: ['girl', 'girl'], deleted: ['child', 'child'] })
  await expect(author.getByTestId('comments-panel').getByTestId('tracked-change')).toHaveCount(2)
  const server = await serverSection(chorus.server.url, bea.account, report.id, section)
  expect(server.text).toBe('Every childgirl and every childgirl’s family.')
})
