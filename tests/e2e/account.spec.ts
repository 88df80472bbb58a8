/**
 * Ending sessions from the interface, in a real browser: a person changes their password on
 * "My account" (their report open on another device is signed out at once, this device stays
 * in), then signs out everywhere; the administrator removes an account from the Accounts page
 * after a confirmation, and that person's open report says they were signed out.
 */
import { test, expect } from './fixtures'
import { closePages, createReport, newPage, openReport } from './editor.helpers'

test.afterEach(closePages)

test('change password signs out the other device at once; "Sign out everywhere" signs out this one', async ({ chorus }) => {
  test.slow()
  const cara = await chorus.newAccount('Cara Changes')
  const report = await createReport(chorus, 'Open on another device', [{ account: cara.account, role: 'author' }])
  const other = (await newPage(chorus, { ...cara.account, cookie: (await signInAgain(chorus.server.url, cara.account)) })).page
  await openReport(other, report.id)

  const page = (await newPage(chorus, cara.account)).page
  await page.goto('/')
  await page.getByRole('button', { name: /Account menu/ }).click()
  await page.getByRole('menuitem', { name: 'My account' }).click()
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible()
  await page.getByLabel('Current password').fill('not the password')
  await page.getByLabel('New password').fill('a much newer password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('alert')).toContainText('The current password is wrong')
  await page.getByLabel('Current password').fill(cara.account.password)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Every other device signed in to this account was signed out.', { exact: true })).toBeVisible()
  await expect(other.getByTestId('connection-status')).toHaveAttribute('data-state', 'signed-out', { timeout: 5000 })

  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' })
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page).toHaveURL(/\/login/)
})

test('the administrator removes an account after confirming; its open report is signed out', async ({ chorus }) => {
  test.slow()
  const bea = await chorus.newAccount('Bea Removed')
  const report = await createReport(chorus, 'Open when removed', [{ account: bea.account, role: 'author' }])
  const beaPage = (await newPage(chorus, bea.account)).page
  await openReport(beaPage, report.id)

  const admin = (await newPage(chorus, chorus.admin.account)).page
  await admin.goto('/admin/users')
  await admin.getByRole('button', { name: 'Remove Bea Removed\'s account' }).click()
  const dialog = admin.getByRole('dialog', { name: 'Remove Bea Removed\'s account?' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(admin.getByText(bea.account.email)).toBeVisible()
  await admin.getByRole('button', { name: 'Remove Bea Removed\'s account' }).click()
  await dialog.getByRole('button', { name: 'Remove account' }).click()
  await expect(admin.getByText(bea.account.email)).toHaveCount(0)
  await expect(admin.getByRole('button', { name: `Remove ${chorus.admin.account.name}'s account` })).toHaveCount(0)
  await expect(beaPage.getByTestId('connection-status')).toHaveAttribute('data-state', 'signed-out', { timeout: 5000 })
})

/** A second session of the account (another device), as its cookie. */
async function signInAgain(baseUrl: string, account: { email: string, password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) })
  return res.headers.getSetCookie().find(c => c.startsWith('chorus_session='))!.split(';')[0]!
}
