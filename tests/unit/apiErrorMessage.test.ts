/**
 * A failed request's message in the interface language: the server's code translated with the
 * app's own message files (a named field by its label), the English message kept for English
 * only, a generic message for an uncoded error in another language, and the network case.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { PLURAL_RULES } from '~~/utils/pluralIndex'
import { connectInterfaceI18n } from '~~/utils/interfaceI18n'
import { apiErrorMessage } from '~~/utils/apiErrorMessage'

const load = (code: string): Record<string, never> => JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', `${code}.json`), 'utf8'))
const i18n = createI18n({ legacy: false, locale: 'en', fallbackLocale: 'en', pluralRules: PLURAL_RULES, messages: { en: load('en'), az: load('az'), ru: load('ru') } })
interface LooseComposer { locale: { value: string }, t: (key: string, named?: Record<string, unknown>) => string, te: (key: string, locale?: string) => boolean }
const composer = i18n.global as unknown as LooseComposer
connectInterfaceI18n({
  t: ((key: string, named?: Record<string, unknown>) => composer.t(key, named)) as never,
  te: key => composer.te(key) || composer.te(key, 'en'),
  locale: () => composer.locale.value,
  setLocale: async (locale) => { composer.locale.value = locale },
})
afterAll(() => { composer.locale.value = 'en' })

/** A failed $fetch as ofetch shapes it: the JSON body under `data`. */
const failure = (body: object, statusCode = 400) => ({ statusCode, data: body })
const wrongPassword = failure({ statusCode: 401, message: 'Wrong email or password', data: { code: 'wrongPassword' } }, 401)
const invalidTitle = failure({ statusCode: 400, message: 'title: Too small', data: { code: 'invalidField', field: 'title', params: { field: 'title', detail: 'Too small' } } })
const uncoded = failure({ statusCode: 409, message: 'Something only a new route says' }, 409)

describe('apiErrorMessage', () => {
  it('translates the server\'s code, naming a field by its label', () => {
    composer.locale.value = 'az'
    expect(apiErrorMessage(wrongPassword)).toBe('E-poçt və ya şifrə yanlışdır')
    expect(apiErrorMessage(invalidTitle)).toBe('“Başlıq” sahəsini yoxlayın')
    composer.locale.value = 'ru'
    expect(apiErrorMessage(invalidTitle)).toBe('Проверьте поле «Название»')
    composer.locale.value = 'en'
    expect(apiErrorMessage(invalidTitle)).toBe('Check the field “Title”: Too small')
  })

  it('keeps an uncoded English message for English, and says something general otherwise', () => {
    composer.locale.value = 'en'
    expect(apiErrorMessage(uncoded)).toBe('Something only a new route says')
    composer.locale.value = 'ru'
    expect(apiErrorMessage(uncoded)).toBe('Что-то пошло не так. Попробуйте ещё раз.')
    expect(apiErrorMessage({ statusCode: 0, message: 'fetch failed' })).toBe('Сервер недоступен; проверьте подключение.')
  })
})
