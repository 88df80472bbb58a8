/**
 * The interface in Azerbaijani and in Russian, end to end in Chromium (issue 12). Azerbaijani
 * comes from the browser's languages (Accept-Language / navigator.languages) before anyone has
 * signed in: setup, sign-out, the sign-in page, a report, a comment and the Word export. Russian
 * is chosen from the account menu, remembered on the account, and follows it to another device
 * that signs in with an English browser. On every page: text in that language, no English left
 * (proper names and what the test typed aside) and no axe-core WCAG 2 A/AA violation.
 * Screenshots of the report page go to docs/images/ for the README.
 */
import type { Page } from '@playwright/test'
import { startServer, removeDataDir } from '../support/serverProcess'
import { test, expect } from './fixtures'
import { expectConnected, sectionBody, showSection } from './editor.helpers'
import { commentOn } from './comments.helpers'
import { axeViolations } from './suggestions.helpers'
import { englishLeft } from './i18n.helpers'

test.describe.configure({ timeout: 240_000 })
/** Proper names the same in every language: UN document symbols and abbreviations, the product. */
const PROPER_NAMES = ['Chorus', 'CRC', 'Rev', 'LOIPR', 'UPR', 'OPSC', 'OPAC', 'English']
// bypassCSP on the contexts: axe-core is injected as a script tag, which Chorus's CSP (rightly) refuses.

/** A person's name as shown, with the initials of their avatar. */
/** A person's name as the pages show it: whole, and as avatar initials (at most two letters). */
const person = (name: string) => {
  const initials = name.split(/\s+/).map(w => w[0]).join('')
  return [name, initials, initials.slice(0, 2)]
}

/** Text in the language, no English left, no accessibility violation. */
async function checkPage(page: Page, locale: 'az' | 'ru', allowed: string[] | (() => Promise<string[]>), where: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  const allowedNow = async () => (typeof allowed === 'function' ? await allowed() : allowed)
  await expect.poll(async () => englishLeft(page, locale, await allowedNow()), { message: `English left on ${where}` }).toEqual([])
  // Measured at rest: a button under the pointer is drawn lighter (hover) than a person reads it.
  await page.mouse.move(0, 0)
  expect(await axeViolations(page, ['body']), `axe on ${where}`).toEqual([])
}

/** Start a report from the new-report page and open it, connected. */
async function startReport(page: Page, title: string, languageLabel: string, createLabel: string, titleLabel: string): Promise<string> {
  await page.getByTestId('report-language').click()
  await page.getByRole('option', { name: languageLabel, exact: true }).click()
  await page.getByLabel(titleLabel).fill(title)
  await page.getByRole('button', { name: createLabel }).click()
  await expect(page).toHaveURL(/\/reports\/[\w-]+$/)
  await expectConnected(page, 30_000)
  return page.url().split('/').pop()!
}

/** The id of the first section shown on the report page. */
const firstSection = async (page: Page) => (await page.locator('[data-section-body], [data-section-static]').first().getAttribute('data-section-body'))
  ?? (await page.locator('[data-section-static]').first().getAttribute('data-section-static'))!

test('Azerbaijani from the browser\'s languages: setup, sign-in, a report in English with a comment, and the Word export', async ({ browser }) => {
  const server = await startServer()
  try {
    const context = await browser.newContext({ baseURL: server.url, locale: 'az-AZ', bypassCSP: true })
    const page = await context.newPage()
    const name = 'Aygün Məmmədova'
    const email = 'aygun@example.org'
    const allowed = [...person(name), email, ...PROPER_NAMES]

    await page.goto('/')
    await expect(page).toHaveURL(/\/setup$/)
    await expect(page.getByRole('heading', { name: 'Xoş gəlmisiniz — iş məkanınızı qurun' })).toBeVisible()
    await checkPage(page, 'az', allowed, 'setup')
    await page.getByLabel('Adınız').fill(name)
    await page.getByLabel('E-poçt').fill(email)
    await page.getByLabel('Şifrə').fill('bir uzun şifrə 2027')
    await page.getByRole('button', { name: 'Administrator hesabını yarat' }).click()

    await expect(page.getByRole('heading', { name: 'Hesabatlarım' })).toBeVisible()
    await expect(page.getByText('Hələ hesabat yoxdur')).toBeVisible()
    await checkPage(page, 'az', allowed, 'my reports (empty)')

    // Signed out, the sign-in page is in Azerbaijani too (the browser's languages, nothing saved on the account).
    await page.getByRole('button', { name: `${name} (Hesab menyusu)` }).click()
    await page.getByRole('menuitem', { name: 'Çıxış' }).click()
    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('heading', { name: 'Daxil ol' })).toBeVisible()
    await checkPage(page, 'az', allowed, 'sign-in')
    await page.getByLabel('E-poçt').fill(email)
    await page.getByLabel('Şifrə').fill('yanlış şifrə')
    await page.getByRole('button', { name: 'Daxil ol' }).click()
    await expect(page.getByRole('alert')).toContainText('E-poçt və ya şifrə yanlışdır')
    await page.getByLabel('Şifrə').fill('bir uzun şifrə 2027')
    await page.getByRole('button', { name: 'Daxil ol' }).click()
    await expect(page.getByRole('heading', { name: 'Hesabatlarım' })).toBeVisible()

    // A report for the Committee, written in English while the interface stays Azerbaijani.
    await page.getByRole('link', { name: 'Yeni hesabat' }).click()
    await expect(page.getByTestId('report-language')).toContainText('Azərbaycanca')
    await checkPage(page, 'az', [...allowed, 'Français', 'Español', 'Русский', 'Azərbaycanca'], 'new report')
    const title = 'Azərbaycan üzrə alternativ hesabat'
    await startReport(page, title, 'English', 'Hesabat yarat', 'Başlıq')
    const section = await firstSection(page)
    await showSection(page, section)
    await sectionBody(page, section).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('Children in rural areas lack access to secondary schools.')
    await expectConnected(page)

    await commentOn(page, section, 'rural areas')
    await page.getByTestId('new-thread').getByTestId('comment-input').fill('Hansı rayonlar? Rəqəmlər lazımdır.')
    await page.getByTestId('new-thread').getByTestId('comment-send').click()
    const thread = page.getByTestId('comment-thread').first()
    await expect(thread).toContainText('Hansı rayonlar?')
    await expect(thread).toContainText('indicə')
    await expect(page.getByTestId('outline').locator(`[data-comment-count="${section}"]`)).toHaveText('1')
    await expect(page.getByTestId('connection-status')).toContainText('Saxlanıldı')
    // Azerbaijani numbers even though Chromium's Intl has no Azerbaijani data (utils/localeFormat.ts).
    await expect(page.getByTestId('report-words')).toContainText('10.000 söz')
    const typed = [title, 'Hansı rayonlar? Rəqəmlər lazımdır.', 'rural areas', ...(await sectionTitles(page))]
    await checkPage(page, 'az', [...allowed, ...typed], 'report')
    await page.screenshot({ path: 'docs/images/report-az.png' })

    await page.getByRole('button', { name: 'İxrac: Word və ya PDF' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByText('Təmiz nüsxə', { exact: true })).toBeVisible()
    await checkPage(page, 'az', [...allowed, ...typed], 'export dialog')
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: '.docx yüklə' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.docx$/)
    await expect(page.getByText('Word faylı hazırdır').first()).toBeVisible()
    await context.close()
  } finally {
    await server.stop()
    removeDataDir(server.dataDir)
  }
})

test('Russian chosen from the account menu, kept on the account: another device signs in and gets it; a Russian report, a comment and the export', async ({ browser, chorus }) => {
  const name = 'Рустам Алиев'
  const { account } = await chorus.newAccount(name)
  const allowed = [...person(name), account.email, ...PROPER_NAMES]

  const first = await browser.newContext({ baseURL: chorus.server.url, locale: 'en-US', bypassCSP: true })
  const laptop = await first.newPage()
  await laptop.goto('/login')
  await expect(laptop.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await laptop.getByLabel('Email').fill(account.email)
  await laptop.getByLabel('Password').fill(account.password)
  await laptop.getByRole('button', { name: 'Sign in' }).click()
  await expect(laptop.getByRole('heading', { name: 'My reports' })).toBeVisible()
  await laptop.getByRole('button', { name: `${name} (Account menu)` }).click()
  await laptop.getByRole('menuitem', { name: 'Language' }).click()
  await laptop.getByRole('menuitemcheckbox', { name: 'Русский' }).click()
  await expect(laptop.getByRole('heading', { name: 'Мои доклады' })).toBeVisible()
  await expect(laptop.locator('html')).toHaveAttribute('lang', 'ru')
  await expect.poll(async () => (await chorus.admin.api.call('GET', '/api/users')).users.find((u: { id: string }) => u.id === account.id)?.locale).toBe('ru')
  await first.close()

  // Another device, an English browser: the account's language wins once signed in.
  const second = await browser.newContext({ baseURL: chorus.server.url, locale: 'en-US', bypassCSP: true })
  const page = await second.newPage()
  await page.goto('/login')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Мои доклады' })).toBeVisible()
  await expect(page.getByText('Докладов пока нет')).toBeVisible()
  await checkPage(page, 'ru', allowed, 'my reports (empty)')

  await page.getByRole('link', { name: 'Новый доклад' }).click()
  await expect(page.getByTestId('report-language')).toContainText('Русский')
  await checkPage(page, 'ru', [...allowed, 'Français', 'Español', 'Azərbaycanca'], 'new report')
  const title = 'Альтернативный доклад: Азербайджан'
  await startReport(page, title, 'Русский', 'Создать доклад', 'Название')
  const section = await firstSection(page)
  await showSection(page, section)
  await sectionBody(page, section).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('Дети в сельской местности не имеют доступа к средним школам.')
  await expectConnected(page)

  await commentOn(page, section, 'сельской местности')
  await page.getByTestId('new-thread').getByTestId('comment-input').fill('Какие районы? Нужны цифры.')
  await page.getByTestId('new-thread').getByTestId('comment-send').click()
  const thread = page.getByTestId('comment-thread').first()
  await expect(thread).toContainText('Какие районы?')
  await expect(thread).toContainText('только что')
  await expect(page.getByTestId('connection-status')).toContainText('Сохранено')
  await checkPage(page, 'ru', [...allowed, title], 'report')
  await page.screenshot({ path: 'docs/images/report-ru.png' })

  await page.getByRole('button', { name: 'Экспорт в Word' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Чистовая копия')).toBeVisible()
  await checkPage(page, 'ru', [...allowed, title], 'export dialog')
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Скачать .docx' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.docx$/)
  await expect(page.getByText('Файл Word готов').first()).toBeVisible()
  await second.close()
})

/** The report's section titles as the page shows them (the report's own text, in its language). */
async function sectionTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outline"] button[data-section] span.block').allTextContents()
}

test('every other page in Russian, for an account that chose it: my account, accounts, members and an invitation link, settings, versions, the invitation page and the error page', async ({ browser, chorus }) => {
  const { api, account } = chorus.admin
  await api.call('PATCH', '/api/auth/me', { locale: 'ru' })
  // The shared administrator of this worker's server: give other tests their English back.
  try {
    const { id } = await api.call('POST', '/api/reports', { title: 'Доклад для проверки страниц', templateId: 'crc-alternative-report', language: 'ru' })
    const allowed = [...person(account.name), account.email, 'Доклад для проверки страниц', ...PROPER_NAMES]
    const context = await browser.newContext({ baseURL: chorus.server.url, locale: 'en-US', bypassCSP: true })
    const [name] = account.cookie.split('=') as [string]
    await context.addCookies([{ name, value: account.cookie.slice(name.length + 1), url: chorus.server.url, httpOnly: true, sameSite: 'Lax' }])
    const page = await context.newPage()

    await page.goto('/account')
    await expect(page.getByRole('heading', { name: 'Моя учётная запись' })).toBeVisible()
    await expect(page.getByTestId('account-language')).toContainText('Русский')
    await checkPage(page, 'ru', allowed, 'my account')

    await page.goto('/admin/users')
    await expect(page.getByRole('heading', { name: 'Учётные записи' })).toBeVisible()
    await expect(page.getByText('Администратор', { exact: true })).toBeVisible()
    // The list shows every account of the workspace, other tests' too (created while this runs):
    // their names are people's, not the interface's. Read them afresh on every look.
    const everyone = async () => {
      const { users } = await api.call('GET', '/api/users') as { users: Array<{ name: string, email: string }> }
      return [...allowed, ...users.flatMap(u => [...person(u.name), u.email])]
    }
    await checkPage(page, 'ru', everyone, 'accounts')

    await page.goto(`/reports/${id}/members`)
    await expect(page.getByRole('heading', { level: 1, name: 'Участники' })).toBeVisible()
    await page.getByRole('button', { name: 'Создать ссылку' }).click()
    const link = await page.getByTestId('invite-link').inputValue()
    await expect(page.getByText(/^Автор · действует до \d+ \S+ \d{4}/)).toBeVisible()
    await checkPage(page, 'ru', [...allowed, link], 'members')

    await page.goto(`/reports/${id}/settings`)
    await expect(page.getByRole('heading', { name: 'Настройки доклада' })).toBeVisible()
    await expect(page.getByLabel('Государство-участник')).toBeVisible()
    await checkPage(page, 'ru', allowed, 'settings')

    await page.goto(`/reports/${id}/versions`)
    await expect(page.getByTestId('versions-empty')).toContainText('Версий пока нет.')
    await page.getByTestId('version-name').fill('Перед рецензией')
    await page.getByTestId('version-save').click()
    await expect(page.getByTestId('version-row')).toContainText('Перед рецензией')
    await checkPage(page, 'ru', [...allowed, 'Перед рецензией'], 'versions')

    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { name: 'Такой страницы нет' })).toBeVisible()
    await checkPage(page, 'ru', allowed, 'error page')
    await context.close()

    // Someone without an account opens the invitation in a Russian browser.
    const guest = await browser.newContext({ baseURL: chorus.server.url, locale: 'ru-RU', bypassCSP: true })
    const invited = await guest.newPage()
    await invited.goto(link)
    await expect(invited.getByRole('heading', { name: 'Вас приглашают в доклад «Доклад для проверки страниц»' })).toBeVisible()
    await expect(invited.getByText('Создайте учётную запись')).toBeVisible()
    await checkPage(invited, 'ru', allowed, 'invitation')
    await guest.close()
  } finally {
    await api.call('PATCH', '/api/auth/me', { locale: 'en' })
  }
})

