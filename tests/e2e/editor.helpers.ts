/**
 * Helpers for the editor's browser tests: a report with members, opening it in a page, reading
 * a section's text as the page shows it (caret labels and footnote numbers stripped) and as the
 * server holds it (a fresh y-websocket client in Node, BroadcastChannel off).
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { BrowserContext, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { Chorus } from './fixtures'
import type { Account } from '../support/api'
import { chorusSchema } from '../../shared/editor/extensions'

export interface TestReport {
  id: string
  sectionIds: string[]
  /** The sections people write in: not those Chorus generates (summary of recommendations, follow-up table). */
  textSectionIds: string[]
}

/** A CRC report created by the admin (secretariat), with members added in the given roles. */
export async function createReport(chorus: Chorus, title: string, members: Array<{ account: Account, role: string }> = []): Promise<TestReport> {
  const { id } = await chorus.admin.api.call('POST', '/api/reports', { title, templateId: 'crc-alternative-report' })
  for (const m of members) await chorus.admin.api.call('POST', `/api/reports/${id}/members`, { email: m.account.email, role: m.role })
  const detail = await chorus.admin.api.call('GET', `/api/reports/${id}`)
  const sections: Array<{ id: string, generated: string | null }> = detail.sections
  return { id, sectionIds: sections.map(s => s.id), textSectionIds: sections.filter(s => !s.generated).map(s => s.id) }
}

const opened: BrowserContext[] = []

/** A page signed in as `account`, in its own browser context (closed by closePages). */
export async function newPage(chorus: Chorus, account: Account): Promise<{ page: Page, context: BrowserContext }> {
  const context = await chorus.signedInContext(account)
  opened.push(context)
  return { page: await context.newPage(), context }
}

/** Close the pages a test opened (use in afterEach: idle pages still sync and cost CPU). */
export async function closePages(): Promise<void> {
  for (const context of opened.splice(0)) await context.close().catch(() => {})
}

/** Open the report page and wait until the live document is connected and shown. */
export async function openReport(page: Page, reportId: string): Promise<void> {
  await page.goto(`/reports/${reportId}`)
  await expectConnected(page, 30_000)
  await expect(page.locator('[data-section-body]').first()).toBeVisible()
}

/** Connected, with every local change acknowledged by the server. */
export async function expectConnected(page: Page, timeout = 15_000): Promise<void> {
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout })
  await expect(status).toHaveAttribute('data-unsynced', 'false', { timeout })
}

/** The body editor of a section (created once the section comes near the viewport). */
export const sectionBody = (page: Page, sectionId: string) => page.locator(`[data-section-body="${sectionId}"]`)

/** A section's text as shown: its editor, or the static copy shown before the editor exists. */
const shownBody = (page: Page, sectionId: string) => page.locator(`[data-section-body="${sectionId}"], [data-section-static="${sectionId}"]`)

/** Scroll a section into view (which creates its editor). */
export async function showSection(page: Page, sectionId: string): Promise<void> {
  await page.locator(`#section-${sectionId}`).scrollIntoViewIfNeeded()
  await expect(sectionBody(page, sectionId)).toBeVisible()
}

/** Put the caret at the end (or start) of a section body. */
export async function caretIn(page: Page, sectionId: string, where: 'end' | 'start' = 'end'): Promise<void> {
  await showSection(page, sectionId)
  await sectionBody(page, sectionId).click()
  await page.keyboard.press(where === 'end' ? 'Control+End' : 'Control+Home')
}

/** The section's text as the reader sees it, without other people's caret labels, footnote numbers or suggested replacements. */
export function pageText(page: Page, sectionId: string): Promise<string> {
  return shownBody(page, sectionId).evaluate((root) => {
    const BLOCKS = ['P', 'H2', 'H3', 'H4', 'LI', 'TD', 'TH', 'BLOCKQUOTE', 'OL', 'UL', 'TABLE', 'TR']
    let out = ''
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        out += (node as Text).data
        return
      }
      if (!(node instanceof HTMLElement)) return
      if (node.matches('.collaboration-carets__caret, .footnote-back, .chorus-suggestion-new')) return
      if (node.tagName === 'BR') out += ' '
      const block = BLOCKS.includes(node.tagName)
      if (block) out += ' '
      node.childNodes.forEach(walk)
      if (block) out += ' '
    }
    walk(root)
    return out.replace(/\s+/g, ' ').trim()
  })
}

/** The server's copy of a report, read by a fresh client (no BroadcastChannel, no IndexedDB). */
export async function serverDoc(baseUrl: string, account: Account, reportId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: account.cookie, origin: baseUrl } })
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/api/collab`, reportId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server copy did not sync in 10 s')), 10_000)
      provider.once('sync', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  } finally {
    provider.destroy()
  }
  return doc
}

/** A section body of the server's copy as ProseMirror JSON and as plain text (same normalisation as pageText). */
export async function serverSection(baseUrl: string, account: Account, reportId: string, sectionId: string) {
  const doc = await serverDoc(baseUrl, account, reportId)
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(`section:${sectionId}`), chorusSchema())
  doc.destroy()
  return { json: node.toJSON(), text: node.textBetween(0, node.content.size, ' ', n => (n.type.name === 'hardBreak' ? ' ' : '')).replace(/\s+/g, ' ').trim() }
}
