/**
 * The report's language in the browser: the new-report page preselects it from the interface
 * language, shows the templates in the language chosen, and the report it creates is seeded in
 * that language with every section's text marked `lang` for the browser's spell checker — while
 * the interface itself stays in the person's language.
 */
import { test, expect } from './fixtures'
import { closePages, expectConnected } from './editor.helpers'

test.afterEach(closePages)

test('a Russian-speaking member starts a French report: preselected Russian, switched to French, seeded and spell-checked in French', async ({ chorus }) => {
  const { account } = await chorus.newAccount('Rustam Aliyev')
  const context = await chorus.signedInContext(account)
  await context.addCookies([{ name: 'chorus_locale', value: 'ru', url: chorus.server.url }])
  const page = await context.newPage()

  await page.goto('/reports/new')
  const language = page.getByTestId('report-language')
  await expect(language).toContainText('Русский')
  const title = page.getByLabel('Название')
  await expect(title).toHaveValue('Альтернативный доклад Комитету по правам ребенка')

  await language.click()
  await page.getByRole('option', { name: 'Français' }).click()
  await expect(page.getByText('Rapport alternatif au Comité des droits de l’enfant', { exact: true })).toBeVisible()
  await expect(title).toHaveValue('Rapport alternatif au Comité des droits de l’enfant')

  await page.getByRole('button', { name: 'Создать доклад' }).click()
  await expect(page).toHaveURL(/\/reports\/[\w-]+$/)
  await expectConnected(page, 30_000)
  await expect(page.getByRole('heading', { level: 1, name: 'V. Violence à l’égard des enfants' })).toBeVisible()
  const body = page.locator('[data-section-body]').first()
  await expect(body).toBeVisible()
  expect(await body.evaluate(el => (el as HTMLElement).isContentEditable && el.closest('[lang]')?.getAttribute('lang'))).toBe('fr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await context.close()
})
