/**
 * When a page cannot be shown at all, the error page says so in words and offers a way on,
 * without internal messages.
 */
import { test, expect } from './fixtures'

test('an unknown address shows a plain "does not exist" page with the way back to my reports', async ({ chorus }) => {
  const page = await (await chorus.signedInContext(chorus.admin.account)).newPage()
  await page.goto('/no/such/page')
  const card = page.getByTestId('error-page')
  await expect(card.getByRole('heading', { name: 'This page does not exist' })).toBeVisible()
  await expect(card).not.toContainText('Page not found: /no/such/page')
  await card.getByRole('button', { name: 'My reports' }).click()
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible()
})
