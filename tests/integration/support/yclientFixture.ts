/**
 * A report with one member per role, made through the real HTTP API, for the collaboration
 * tests: the secretariat (workspace admin, who creates the report), an author, a reviewer, a
 * viewer and an outsider (signed in, not a member).
 */
import type * as Y from 'yjs'
import { createAccount, setupAdmin } from '../../support/api'
import type { Account, Api } from '../../support/api'
import { YClient } from './yclient'

export type Who = 'secretariat' | 'author' | 'reviewer' | 'viewer' | 'outsider'

export interface CollabFixture {
  baseUrl: string
  reportId: string
  /** Section ids in document order. */
  sectionIds: string[]
  accounts: Record<Who, Account>
  apis: Record<Who, Api>
  /** A new report of the secretariat's, with the same members. */
  newReport: (title: string) => Promise<string>
}

/** Set up the workspace and a report from the CRC template with every role. */
export async function collabFixture(baseUrl: string, template = 'crc-alternative-report'): Promise<CollabFixture> {
  const admin = await setupAdmin(baseUrl, 'Sam Secretariat')
  const made = await Promise.all((['author', 'reviewer', 'viewer', 'outsider'] as const).map(async who => [who, await createAccount(admin.api, `Test ${who}`)] as const))
  const accounts = { secretariat: admin.account } as Record<Who, Account>
  const apis = { secretariat: admin.api } as Record<Who, Api>
  for (const [who, made1] of made) {
    accounts[who] = made1.account
    apis[who] = made1.api
  }
  const newReport = async (title: string) => {
    const { id } = await admin.api.call('POST', '/api/reports', { title, templateId: template })
    for (const who of ['author', 'reviewer', 'viewer'] as const) {
      await admin.api.call('POST', `/api/reports/${id}/members`, { email: accounts[who].email, role: who })
    }
    return id as string
  }
  const reportId = await newReport('Collaboration test report')
  const probe = new YClient(baseUrl, reportId, accounts.secretariat.cookie)
  await probe.synced()
  const sectionIds = probe.doc.getArray<Y.Map<unknown>>('sections').toArray().map(m => m.get('id') as string)
  probe.destroy()
  return { baseUrl, reportId, sectionIds, accounts, apis, newReport }
}
