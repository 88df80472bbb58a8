/**
 * The three interface languages say the same things: every key of locales/en.json exists in
 * az.json and ru.json and the other way round, no message is empty, each keeps the English
 * message's {placeholders}, and every API error code (shared/apiErrors.ts) has a translation.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { baseCompile } from '@intlify/message-compiler'
import { API_ERRORS, IMPORT_ERROR_CODES } from '#shared/apiErrors'

const LOCALES = ['en', 'az', 'ru'] as const
type Tree = { [key: string]: string | Tree }
const load = (code: string): Tree => JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', `${code}.json`), 'utf8'))

/** Every leaf as `a.b.c` → message. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

const messages = Object.fromEntries(LOCALES.map(l => [l, flatten(load(l))])) as Record<(typeof LOCALES)[number], Map<string, string>>
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort()

describe('interface messages', () => {
  for (const locale of LOCALES) {
    for (const other of LOCALES) {
      if (other === locale) continue
      it(`every key of ${locale}.json exists in ${other}.json`, () => {
        const missing = [...messages[locale].keys()].filter(k => !messages[other].has(k))
        expect(missing).toEqual([])
      })
    }
    it(`${locale}.json has no empty message`, () => {
      expect([...messages[locale]].filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([])
    })
  }

  it('has only messages vue-i18n can compile (a literal @, { or | must be written {\'@\'})', () => {
    const broken: string[] = []
    for (const locale of LOCALES) {
      for (const [key, message] of messages[locale]) {
        baseCompile(message, { onError: () => broken.push(`${locale}:${key}`) })
      }
    }
    expect(broken).toEqual([])
  })

  it('uses in Azerbaijani and Russian no placeholder the English message does not have', () => {
    const wrong: string[] = []
    for (const [key, en] of messages.en) {
      for (const locale of ['az', 'ru'] as const) {
        const own = messages[locale].get(key)
        if (own && placeholders(own).some(p => !placeholders(en).includes(p))) wrong.push(`${locale}:${key}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('has a translation for every API error code in every language', () => {
    const codes = [...Object.keys(API_ERRORS).map(c => `apiErrors.${c}`), ...IMPORT_ERROR_CODES.map(c => `apiErrors.import.${c}`)]
    for (const locale of LOCALES) expect(codes.filter(k => !messages[locale].has(k)), locale).toEqual([])
  })

  it('writes real Azerbaijani and Russian, not English copies, for sentences', () => {
    const copies = (locale: 'az' | 'ru') => [...messages.en].filter(([k, en]) => en.split(' ').length > 3 && messages[locale].get(k) === en).map(([k]) => k)
    expect(copies('az')).toEqual([])
    expect(copies('ru')).toEqual([])
  })
})
