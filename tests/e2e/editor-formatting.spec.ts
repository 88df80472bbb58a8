/**
 * Formatting as a Word user does it — shortcuts, the toolbar, the link dialog, footnotes — and
 * all of it still there after a reload and in the server's copy. Footnotes are numbered across
 * the whole report.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, expectConnected, openReport, sectionBody, serverSection, showSection } from './editor.helpers'

test.afterEach(closePages)

interface PMJson { type: string, attrs?: Record<string, unknown>, marks?: Array<{ type: string, attrs?: Record<string, unknown> }>, content?: PMJson[], text?: string }
const walk = (n: PMJson, out: PMJson[] = []) => {
  out.push(n)
  n.content?.forEach(c => walk(c, out))
  return out
}

test('bold, lists, heading, link, footnote and table survive a reload and reach the server', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Format')
  const report = await createReport(chorus, 'Formatting round trip', [{ account: bea.account, role: 'author' }])
  const [earlier, section] = [report.sectionIds[0]!, report.sectionIds[2]!]
  const page = (await newPage(chorus, bea.account)).page
  await openReport(page, report.id)
  const body = sectionBody(page, section)
  const k = page.keyboard

  await caretIn(page, section)
  await k.type('Plain, then ')
  await k.press('Control+b')
  await k.type('bold text')
  await k.press('Control+b')
  await k.type(', then ')
  await k.press('Control+i')
  await k.type('italic')
  await k.press('Control+i')
  await k.type(' and ')
  await k.press('Control+u')
  await k.type('underlined')
  await k.press('Control+u')
  await k.type('.')
  await expect(page.locator('[data-tool=bold]')).toHaveAttribute('aria-pressed', 'false')

  await k.press('Enter')
  await k.press('Control+Alt+1')
  await k.type('Findings')
  await k.press('Enter')
  await k.press('Control+Shift+8')
  await k.type('First point')
  await k.press('Enter')
  await k.press('Tab')
  await k.type('Nested point')
  await k.press('Enter')
  await k.press('Shift+Tab')
  await k.press('Enter')
  await k.press('Enter') // leaves the list

  // Link: a javascript: address is refused with a reason; a bare domain becomes https.
  await k.type('See ')
  await k.press('Control+k')
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('link-href').fill('javascript:alert(1)')
  await dialog.getByRole('button', { name: 'Insert' }).click()
  await expect(dialog).toContainText('Only web links (http, https) and email links (mailto) are allowed.')
  await dialog.getByTestId('link-href').fill('www.ohchr.org/en/treaty-bodies/crc')
  await dialog.getByLabel('Text to show').fill('the Committee page')
  await dialog.getByRole('button', { name: 'Insert' }).click()
  await expect(dialog).toBeHidden()
  await expect(body.locator('a[href="https://www.ohchr.org/en/treaty-bodies/crc"]')).toHaveText('the Committee page')

  // Footnote (Ctrl+Alt+F): the caret moves into the note; the note's number jumps back.
  await k.type(' for the procedure.')
  await k.press('Control+Alt+f')
  await k.type('See ')
  await k.press('Control+i')
  await k.type('CRC/C/GC/25')
  await k.press('Control+i')
  await k.type(', para. 3.')
  await body.locator('.footnote-back').click()
  await expect(body.locator('sup.footnote-ref')).toHaveClass(/ProseMirror-selectednode/)
  await k.press('ArrowRight')
  await k.type(' More text.')
  await k.press('Enter')

  // Table from the toolbar: 3 × 3 with a header row.
  await page.locator('[data-tool=table]').click()
  await page.getByRole('menuitem', { name: 'Insert table (3 × 3, header row)' }).click()
  await k.type('Indicator')
  await k.press('Tab')
  await k.type('Year')
  await k.press('Tab')
  await k.type('Source')
  await expectConnected(page)

  await page.reload()
  await expectConnected(page)
  await showSection(page, section)
  await expect(body.locator('strong')).toHaveText('bold text')
  await expect(body.locator('em').first()).toHaveText('italic')
  await expect(body.locator('u')).toHaveText('underlined')
  await expect(body.locator('h2')).toHaveText('Findings')
  await expect(body.locator(':scope > ul > li')).toHaveCount(1)
  await expect(body.locator('ul ul > li')).toHaveText('Nested point')
  await expect(body.locator('a[href="https://www.ohchr.org/en/treaty-bodies/crc"]')).toHaveText('the Committee page')
  await expect(body.locator('sup.footnote-ref')).toHaveAttribute('data-n', '1')
  await expect(body.locator('li.footnote')).toContainText('See CRC/C/GC/25, para. 3.')
  await expect(body.locator('li.footnote em')).toHaveText('CRC/C/GC/25')
  await expect(body.locator('table th')).toHaveCount(3)
  await expect(body.locator('table th').first()).toHaveText('Indicator')
  await expect(body.locator('table tr')).toHaveCount(3)

  const nodes = walk((await serverSection(chorus.server.url, bea.account, report.id, section)).json as PMJson)
  const types = new Set(nodes.map(n => n.type))
  for (const t of ['heading', 'bulletList', 'listItem', 'table', 'tableHeader', 'tableCell', 'footnoteReference', 'footnotes', 'footnote']) expect(types, t).toContain(t)
  const marks = nodes.flatMap(n => n.marks ?? [])
  expect(marks.map(m => m.type)).toEqual(expect.arrayContaining(['bold', 'italic', 'underline', 'link']))
  expect(marks.find(m => m.type === 'link')?.attrs?.href).toBe('https://www.ohchr.org/en/treaty-bodies/crc')

  // A footnote in an earlier section renumbers this one: numbers run across the report.
  await caretIn(page, earlier)
  await k.type('Summary with a source.')
  await k.press('Control+Alt+f')
  await k.type('First note of the report.')
  await expect(sectionBody(page, earlier).locator('sup.footnote-ref')).toHaveAttribute('data-n', '1')
  await expect(body.locator('sup.footnote-ref')).toHaveAttribute('data-n', '2')
  await expect(body.locator('li.footnote .footnote-back')).toHaveAttribute('data-n', '2')

  // Clicking a reference takes the reader to its note.
  await body.locator('sup.footnote-ref').click()
  await expect(body.locator('li.footnote')).toHaveClass(/is-jump-target/)
  await page.locator(`#section-${section}`).evaluate(el => el.scrollIntoView({ block: 'start' }))
  await body.locator('table td').first().click()
  await page.screenshot({ path: 'test-results/editor/formatting.png' })
})
