/**
 * Playwright fixtures: one real Chorus server per worker (built server, temporary SQLite data
 * directory), an administrator set up through the API, and helpers to sign accounts in.
 */
import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount, setupAdmin } from '../support/api'
import type { Account , Api} from '../support/api'

export interface Chorus {
  server: ServerHandle
  admin: { api: Api, account: Account }
  /** A new account (created by the admin, signed in through the API). */
  newAccount: (name: string) => Promise<{ api: Api, account: Account }>
  /** A browser context already signed in as `account` (cookie set, no login page). */
  signedInContext: (account: Account) => Promise<BrowserContext>
}

export const test = base.extend<{ signIn: (page: Page, account: Account) => Promise<void> }, { chorus: Chorus }>({
  chorus: [async ({ browser }, use) => {
    const server = await startServer()
    const admin = await setupAdmin(server.url)
    const contexts: BrowserContext[] = []
    await use({
      server,
      admin,
      newAccount: name => createAccount(admin.api, name),
      signedInContext: async (account) => {
        const context = await browser.newContext({ baseURL: server.url })
        const [name, value] = account.cookie.split('=') as [string, string]
        await context.addCookies([{ name, value: account.cookie.slice(name.length + 1) || value, url: server.url, httpOnly: true, sameSite: 'Lax' }])
        contexts.push(context)
        return context
      },
    })
    for (const c of contexts) await c.close().catch(() => {})
    await server.stop()
    if (!process.env.KEEP_TEST_DATA) removeDataDir(server.dataDir)
  }, { scope: 'worker', timeout: 60_000 }],
  baseURL: async ({ chorus }, use) => use(chorus.server.url),
  signIn: async ({ baseURL }, use) => {
    await use(async (page, account) => {
      await page.goto(`${baseURL}/login`)
      await page.getByLabel('Email').fill(account.email)
      await page.getByLabel('Password').fill(account.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page).not.toHaveURL(/\/login/)
    })
  },
})

export { expect }
