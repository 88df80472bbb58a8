/**
 * Co-editing in real browsers: two accounts type into the same section at the same time and end
 * with the server's text; each sees the other's caret under the other's account name; undo
 * takes back only one's own changes. The server's copy is read by a fresh Node client
 * (BroadcastChannel off), so the test cannot pass on browser-to-browser shortcuts.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, expectConnected, openReport, pageText, sectionBody, serverSection, showSection } from './editor.helpers'

test.afterEach(closePages)

/** Wait until both pages show the same text, then return it. */
async function converged(a: Page, b: Page, sectionId: string): Promise<string> {
  await expectConnected(a)
  await expectConnected(b)
  await expect.poll(async () => (await pageText(a, sectionId)) === (await pageText(b, sectionId)), { timeout: 20_000 }).toBe(true)
  return pageText(a, sectionId)
}

const letters = (s: string) => [...s.replace(/\s+/g, '')].sort().join('')

test('two people typing in one section at the same time end with the same text as the server', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Author')
  const report = await createReport(chorus, 'Concurrent typing', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[1]!
  const ada = (await newPage(chorus, chorus.admin.account)).page
  const beaPage = (await newPage(chorus, bea.account)).page
  await openReport(ada, report.id)
  await openReport(beaPage, report.id)

  await caretIn(ada, section)
  await ada.keyboard.type('First paragraph.')
  await ada.keyboard.press('Enter')
  await ada.keyboard.type('Second paragraph.')
  await showSection(beaPage, section)
  await expect(sectionBody(beaPage, section)).toContainText('Second paragraph.')

  // At the same time: Ada at the start of the section, Bea at its end …
  await caretIn(ada, section, 'start')
  await caretIn(beaPage, section, 'end')
  await Promise.all([
    ada.keyboard.type('Ada writes at the start. ', { delay: 20 }),
    beaPage.keyboard.type(' Bea adds at the end.', { delay: 20 }),
  ])
  // … and both at the very same place.
  await caretIn(ada, section, 'end')
  await caretIn(beaPage, section, 'end')
  const same = [' alpha beta gamma', ' delta epsilon zeta']
  await Promise.all([ada.keyboard.type(same[0]!, { delay: 20 }), beaPage.keyboard.type(same[1]!, { delay: 20 })])

  const shown = await converged(ada, beaPage, section)
  const server = await serverSection(chorus.server.url, chorus.admin.account, report.id, section)
  expect(server.text).toBe(shown)
  expect(shown.startsWith('Ada writes at the start. First paragraph.')).toBe(true)
  expect(shown).toContain('Second paragraph. Bea adds at the end.')
  // Typing at one spot may interleave the two runs, but nothing is lost or doubled.
  const tail = shown.slice(shown.indexOf('Bea adds at the end.') + 'Bea adds at the end.'.length)
  expect(letters(tail)).toBe(letters(same.join('')))

  // Each sees the other's caret, labelled with the account's name.
  await expect(sectionBody(beaPage, section).locator('.collaboration-carets__label', { hasText: 'Ada Admin' })).toBeVisible()
  await expect(sectionBody(ada, section).locator('.collaboration-carets__label', { hasText: 'Bea Author' })).toBeVisible()
  // … and the outline shows who is in which section.
  await expect(ada.getByTestId('outline').locator(`button[data-section="${section}"] [data-peer="${bea.account.id}"]`)).toBeVisible()
})

test('undo takes back only my own changes, not what the other person wrote meanwhile', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Undo')
  const report = await createReport(chorus, 'Undo is personal', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[2]!
  const ada = (await newPage(chorus, chorus.admin.account)).page
  const beaPage = (await newPage(chorus, bea.account)).page
  await openReport(ada, report.id)
  await openReport(beaPage, report.id)

  await caretIn(ada, section)
  await ada.keyboard.type('Ada sentence.')
  await showSection(beaPage, section)
  await expect(sectionBody(beaPage, section)).toContainText('Ada sentence.')
  await caretIn(beaPage, section, 'end')
  await beaPage.keyboard.press('Enter')
  await beaPage.keyboard.type('Bea sentence.')
  await expect(sectionBody(ada, section)).toContainText('Bea sentence.')

  // Typing is grouped into undo steps by time (on a slow machine even one letter can be a step);
  // press until every letter of Ada's sentence is gone.
  await sectionBody(ada, section).click()
  let presses = 0
  while (!(await pageText(ada, section)).trim().startsWith('Bea') && presses < 30) {
    await ada.keyboard.press('Control+z')
    presses++
  }
  await expect(sectionBody(ada, section)).not.toContainText('Ada')
  await expect(sectionBody(ada, section)).toContainText('Bea sentence.')
  const shown = await converged(ada, beaPage, section)
  expect(shown).toBe('Bea sentence.')

  for (let i = 0; i < presses; i++) await ada.keyboard.press('Control+y')
  await expect(sectionBody(beaPage, section)).toContainText('Ada sentence.')
  expect(await converged(ada, beaPage, section)).toBe('Ada sentence. Bea sentence.')
  expect((await serverSection(chorus.server.url, chorus.admin.account, report.id, section)).text).toBe('Ada sentence. Bea sentence.')
})
