/**
 * Figures in real browsers, with a real server and its picture store: inserted from the toolbar
 * (alt text required), pasted (a file, a web page's <img> fetched by the browser, SVG refused),
 * dropped; numbered, captioned, aligned and resized by the handle (pointer and keyboard); a
 * second person sees the picture from the server; a picture added offline waits in this
 * browser, others see who is uploading it, and it arrives on reconnect. Pictures are drawn on a
 * canvas in the page or written byte by byte (tests/fixtures-gen/testImages.ts): no files.
 */
import { test, expect } from './fixtures'
import { caretIn, closePages, createReport, expectConnected, newPage, openReport, sectionBody, showSection } from './editor.helpers'
import { dropInto, htmlTransfer, pasteInto, pictureTransfer, pictureWidth, serverFigures } from './figures.helpers'
import { axeViolations, suggestedTexts } from './suggestions.helpers'
import { makePng, sha256Hex } from '../fixtures-gen/testImages'

test.afterEach(closePages)
test.use({ viewport: { width: 1920, height: 1000 } })

test('an author inserts a figure with alt text from the toolbar; another member sees it, its caption, alignment and size', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Figures')
  const report = await createReport(chorus, 'Figures by toolbar', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[1]!
  const page = (await newPage(chorus, bea.account)).page
  const ada = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, report.id)
  await openReport(ada, report.id)

  await caretIn(page, section)
  await page.keyboard.type('Placements fell.')
  await page.getByTestId('editor-toolbar').locator('[data-tool="figure"]').click()
  const png = makePng(320, 200, 3)
  await page.getByTestId('figure-file').setInputFiles({ name: 'placements.png', mimeType: 'image/png', buffer: png })
  // Alt text is required: the dialog says so and inserts nothing.
  await page.getByTestId('figure-dialog-submit').click()
  await expect(page.getByText('Write the alt text: what the picture shows')).toBeVisible()
  await page.getByTestId('figure-alt').fill('Bar chart: placements in residential care fell')
  await page.getByTestId('figure-caption-input').fill('Children in residential care')
  await page.getByTestId('figure-dialog-submit').click()

  const figure = sectionBody(page, section).getByTestId('figure')
  await expect(figure).toHaveAttribute('data-image-id', sha256Hex(png))
  await expect(figure.locator('.figure-label')).toHaveText('Figure 1.')
  await expect(figure.getByTestId('figure-alt-missing')).toHaveCount(0)
  await expect.poll(() => pictureWidth(figure.getByTestId('figure-image'))).toBe(320)

  // The caption is text like any other: typed at its end.
  await figure.getByTestId('figure-caption').click()
  await page.keyboard.press('End')
  await page.keyboard.type(', 2019–2024')

  // Resize with the pointer: the handle at the corner, the picture centred (both edges move).
  await figure.getByTestId('figure-image').click()
  const handle = figure.getByTestId('figure-resize')
  const box = (await handle.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 - 50, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(handle).toHaveAttribute('aria-valuenow', '220')
  // … and with the keyboard: Alt+F10 in the caption reaches the handle, a slider; Escape goes back.
  await figure.getByTestId('figure-caption').click()
  await page.keyboard.press('Alt+F10')
  await expect(handle).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(handle).toHaveAttribute('aria-valuenow', '280')
  await page.keyboard.press('Escape')
  await expect(sectionBody(page, section)).toBeFocused()
  // (Bea's caret, drawn with her name in Ada's view, goes out of the caption.)
  await caretIn(page, section, 'start')
  await figure.getByTestId('figure-align-left').click()
  await expectConnected(page)

  const [stored] = await serverFigures(chorus.server.url, chorus.admin.account, report.id, section)
  expect(stored).toMatchObject({ caption: 'Children in residential care, 2019–2024', attrs: { imageId: sha256Hex(png), alt: 'Bar chart: placements in residential care fell', width: 280, align: 'left', naturalWidth: 320, naturalHeight: 200 } })

  // Ada sees the picture from the server, with its number, caption, alignment and width.
  await showSection(ada, section)
  const seen = sectionBody(ada, section).getByTestId('figure')
  await expect(seen).toHaveAttribute('data-align', 'left')
  await expect(seen.getByTestId('figure-caption')).toHaveText('Children in residential care, 2019–2024')
  await expect(seen.locator('.figure-label')).toHaveText('Figure 1.')
  // From the server (retried if it was shown before the upload had finished), never another host.
  await expect(seen.getByTestId('figure-image')).toHaveAttribute('src', new RegExp(`^/api/reports/${report.id}/images/${sha256Hex(png)}(\\?try=\\d+)?$`))
  await expect.poll(() => pictureWidth(seen.getByTestId('figure-image'))).toBe(320)
  expect(Math.round((await seen.getByTestId('figure-image').boundingBox())!.width)).toBe(280)
})

test('pictures pasted and dropped become figures; SVG is refused; a web page\'s picture is fetched by the browser', async ({ chorus }) => {
  test.slow()
  const report = await createReport(chorus, 'Figures by paste and drop')
  const section = report.sectionIds[2]!
  const page = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, report.id)
  await caretIn(page, section)
  await page.keyboard.type('Before the pictures.')
  const figures = sectionBody(page, section).getByTestId('figure')

  // A pasted picture file: a figure at once, and the alt-text dialog asks for its alt text.
  await pasteInto(page, section, await pictureTransfer(page, 200, 120))
  await expect(figures).toHaveCount(1)
  await page.getByTestId('figure-alt').fill('Pasted chart')
  await page.getByTestId('figure-dialog-submit').click()
  await expect(figures.first().getByTestId('figure-image')).toHaveAttribute('alt', 'Pasted chart')

  // A picture dropped on the first paragraph goes where it was dropped, before the pasted one,
  // which becomes Figure 2. Its alt text is left for later, so the figure says it is missing.
  await dropInto(page, section, await pictureTransfer(page, 160, 90))
  await expect(figures).toHaveCount(2)
  await page.keyboard.press('Escape')
  const dropped = figures.first()
  await expect(dropped.getByTestId('figure-alt-missing')).toBeVisible()
  await expect(dropped.locator('.figure-label')).toHaveText('Figure 1.')
  await expect(figures.nth(1).locator('.figure-label')).toHaveText('Figure 2.')
  await expect(figures.nth(1).getByTestId('figure-image')).toHaveAttribute('alt', 'Pasted chart')
  // The figures, their tools and the missing-alt warning pass axe, light and dark.
  await dropped.getByTestId('figure-image').click()
  expect(await axeViolations(page, [`[data-section-body="${section}"]`])).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await axeViolations(page, [`[data-section-body="${section}"]`])).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
  // A paste replaces a selected figure, as in Word: the caret goes back into the text first.
  await caretIn(page, section)
  await dropped.getByTestId('figure-edit-alt').click()
  await page.getByTestId('figure-alt').fill('Dropped chart')
  await page.getByTestId('figure-dialog-submit').click()
  await expect(dropped.getByTestId('figure-alt-missing')).toHaveCount(0)

  // SVG can carry script: refused with a reason, nothing inserted.
  await pasteInto(page, section, await pictureTransfer(page, 1, 1, 'svg'))
  await expect(page.getByText('SVG pictures cannot be added (they can carry scripts): save the picture as PNG first', { exact: true }).first()).toBeVisible()
  await expect(figures).toHaveCount(2)

  // A picture copied from a web page is fetched by the browser (here a data: URL) …
  const png = makePng(64, 48, 7)
  await pasteInto(page, section, await htmlTransfer(page, `<img src="data:image/png;base64,${png.toString('base64')}" alt="From the web">`))
  await expect(figures).toHaveCount(3)
  await expect(figures.and(page.locator(`[data-image-id="${sha256Hex(png)}"]`)).getByTestId('figure-image')).toHaveAttribute('alt', 'From the web')
  // … and when the site does not allow it, the browser says so.
  await pasteInto(page, section, await htmlTransfer(page, '<img src="http://127.0.0.1:9/chart.png" alt="x">'))
  await expect(page.getByText(/could not fetch the picture from 127\.0\.0\.1:9/).first()).toBeVisible()
  await expect(figures).toHaveCount(3)

  await expectConnected(page)
  const stored = await serverFigures(chorus.server.url, chorus.admin.account, report.id, section)
  expect(stored.map(f => [f.attrs.alt, f.attrs.naturalWidth]).sort()).toEqual([['Dropped chart', 160], ['From the web', 64], ['Pasted chart', 200]])
  // Every picture reached the server.
  for (const f of stored) expect((await page.request.get(`/api/reports/${report.id}/images/${String(f.attrs.imageId)}`)).status()).toBe(200)
})

test('a picture added offline shows from this browser, others see who is uploading it, and it arrives on reconnect', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Offline')
  const report = await createReport(chorus, 'Figures offline', [{ account: bea.account, role: 'author' }])
  const section = report.sectionIds[1]!
  const { page, context } = await newPage(chorus, bea.account)
  const ada = (await newPage(chorus, chorus.admin.account)).page
  await openReport(page, report.id)
  await openReport(ada, report.id)
  await caretIn(page, section)
  await page.keyboard.type('Offline picture follows.')
  await expectConnected(page)

  await context.setOffline(true)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
  await pasteInto(page, section, await pictureTransfer(page, 120, 80))
  const mine = sectionBody(page, section).getByTestId('figure')
  await page.getByTestId('figure-alt').fill('Made offline')
  await page.getByTestId('figure-dialog-submit').click()
  await expect(mine.getByTestId('figure-image')).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => pictureWidth(mine.getByTestId('figure-image'))).toBe(120)

  // Back online, the upload is held for a moment: Ada gets the figure first and sees who is uploading it.
  let release = () => {}
  const held = new Promise<void>(resolve => (release = resolve))
  await page.route('**/api/reports/*/images/*', async (route) => {
    if (route.request().method() === 'PUT') await held
    await route.continue()
  })
  await context.setOffline(false)
  await showSection(ada, section)
  const theirs = sectionBody(ada, section).getByTestId('figure')
  await expect(theirs.getByTestId('figure-waiting')).toContainText('The picture is being uploaded by Bea Offline', { timeout: 30_000 })
  release()
  await expect.poll(() => pictureWidth(theirs.getByTestId('figure-image')), { timeout: 30_000 }).toBe(120)
})

test('reviewers get no figure button, nor does anyone while suggesting; a figure cannot be changed by a suggestion', async ({ chorus }) => {
  test.slow()
  const rita = await chorus.newAccount('Rita Reviewer')
  const report = await createReport(chorus, 'Figures and roles', [{ account: rita.account, role: 'reviewer' }])
  const reviewer = (await newPage(chorus, rita.account)).page
  const ada = (await newPage(chorus, chorus.admin.account)).page
  await openReport(reviewer, report.id)
  await openReport(ada, report.id)
  await caretIn(reviewer, report.sectionIds[1]!)
  await caretIn(ada, report.sectionIds[1]!)
  await expect(reviewer.getByTestId('editor-toolbar')).toBeVisible()
  await expect(reviewer.locator('[data-tool="figure"]')).toHaveCount(0)
  await expect(ada.locator('[data-tool="figure"]')).toHaveCount(1)
  // A figure Ada adds: the reviewer sees it without its tools, and cannot change its caption
  // (the server takes no suggestions in a figure): told why, and the text stays editable.
  const section = report.sectionIds[1]!
  await ada.keyboard.type('Intro.')
  await pasteInto(ada, section, await pictureTransfer(ada, 60, 40))
  await ada.getByTestId('figure-alt').fill('Small chart')
  await ada.getByTestId('figure-dialog-submit').click()
  const reviewed = sectionBody(reviewer, section).getByTestId('figure')
  await expect(reviewed).toHaveCount(1)
  await expect(reviewed.getByTestId('figure-resize')).toHaveCount(0)
  await expect(reviewed.getByTestId('figure-align-left')).toHaveCount(0)
  await reviewed.getByTestId('figure-caption').click()
  await reviewer.keyboard.type('Proposed caption')
  await expect(reviewer.getByText('A figure and its caption cannot be changed as a suggestion. Comment on it instead, or ask an author to change it in Editing mode.', { exact: true }).first()).toBeVisible()
  await expect(reviewed.getByTestId('figure-caption')).not.toContainText('Propos')
  await caretIn(reviewer, section, 'start')
  await reviewer.keyboard.type('Suggested words. ')
  await expect.poll(async () => (await suggestedTexts(ada, section)).inserted.join('')).toBe('Suggested words. ')
  await expect(reviewer.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  await ada.getByTestId('mode-switch').getByRole('button', { name: 'Suggesting' }).click()
  await expect(ada.locator('[data-tool="figure"]')).toHaveCount(0)
  // A pasted picture is refused with the reason.
  await pasteInto(ada, report.sectionIds[1]!, await pictureTransfer(ada, 40, 40))
  await expect(ada.getByText('Figures cannot be suggested: switch to Editing to add a picture', { exact: true }).first()).toBeVisible()
  await expect(sectionBody(ada, report.sectionIds[1]!).getByTestId('figure')).toHaveCount(1)
})
