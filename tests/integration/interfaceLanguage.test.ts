/**
 * The interface language on the server (issue 12): each account keeps its own (PATCH /api/auth/me,
 * validated, read back on every device), API errors carry a stable code beside the English
 * message so the browser can translate them, and the disposition CSV's headings follow the
 * language of whoever downloads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, setupAdmin } from '../support/api'
import type { Account } from '../support/api'

describe('interface language', () => {
  let server: ServerHandle
  let admin: Api
  let account: Account

  beforeAll(async () => {
    server = await startServer()
    ;({ api: admin, account } = await setupAdmin(server.url))
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('starts with no saved language, so the browser\'s languages decide', async () => {
    expect((await admin.call('GET', '/api/auth/me')).user.locale).toBeNull()
  })

  it('remembers the chosen language on the account, for every session of it', async () => {
    const { user } = await admin.call('PATCH', '/api/auth/me', { locale: 'az' })
    expect(user.locale).toBe('az')
    expect((await admin.call('GET', '/api/auth/me')).user.locale).toBe('az')
    // Another device signs in and gets the language with its account.
    const other = new Api(server.url)
    expect((await other.call('POST', '/api/auth/login', { email: account.email, password: account.password })).user.locale).toBe('az')
    expect((await other.call('GET', '/api/auth/me')).user.locale).toBe('az')
    await admin.call('PATCH', '/api/auth/me', { locale: 'ru' })
    expect((await admin.call('GET', '/api/auth/me')).user.locale).toBe('ru')
  })

  it('refuses a language Chorus has no interface for, and anyone signed out', async () => {
    const bad = await admin.raw('PATCH', '/api/auth/me', { locale: 'fr' })
    expect(bad.status).toBe(400)
    const body = await bad.json()
    expect(body.data).toMatchObject({ code: 'invalidField', field: 'locale' })
    expect((await admin.raw('PATCH', '/api/auth/me', { locale: 'az', extra: 1 })).status).toBe(400)
    const anon = await new Api(server.url).raw('PATCH', '/api/auth/me', { locale: 'az' })
    expect(anon.status).toBe(401)
    expect((await anon.json()).data).toMatchObject({ code: 'signInRequired' })
  })

  it('answers errors with the English message for API clients and a code the browser translates', async () => {
    const wrong = await new Api(server.url).raw('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ statusCode: 401, message: 'Wrong email or password', data: { code: 'wrongPassword' } })
    const missing = await admin.raw('GET', '/api/reports/abcdefabcdef12')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ message: 'No such report', data: { code: 'reportNotFound' } })
  })

  it('writes the disposition table\'s headings in the downloader\'s language, or the one asked for', async () => {
    const { id } = await admin.call('POST', '/api/reports', { title: 'Languages', templateId: 'crc-alternative-report' })
    await admin.call('PATCH', '/api/auth/me', { locale: 'ru' })
    const ru = await (await admin.raw('GET', `/api/reports/${id}/comments.csv`)).text()
    expect(ru.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('"Раздел","Фрагмент","Комментарий","Предложенная замена","Рецензент","Дата","Статус","Решение принял(а)","Причина","Ответы","Тип","Дата решения"')
    const az = await (await admin.raw('GET', `/api/reports/${id}/comments.csv?lang=az`)).text()
    expect(az.split('\r\n')[0]).toMatch(/^\uFEFF?"Bölmə","Mətn parçası","Şərh",/)
    const en = await (await admin.raw('GET', `/api/reports/${id}/comments.csv?lang=en`)).text()
    expect(en.split('\r\n')[0]).toMatch(/^\uFEFF?"Section","Excerpt","Comment",/)
    expect((await admin.raw('GET', `/api/reports/${id}/comments.csv?lang=xx`)).status).toBe(400)
  })
})
