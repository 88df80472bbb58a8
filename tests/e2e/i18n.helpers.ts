/**
 * Helpers for the interface-language browser test: the words a page shows a person (text,
 * and the labels screen readers and tooltips read), and which of them are English that the
 * interface language should have replaced. Text marked with another `lang` (the report's own
 * text in its language, a language's own name) and the allow-listed proper names are not counted.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'

type Tree = { [key: string]: string | Tree }
const messages = (code: string): string[] => {
  const tree = JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', `${code}.json`), 'utf8')) as Tree
  const out: string[] = []
  const walk = (t: Tree) => Object.values(t).forEach(v => (typeof v === 'string' ? out.push(v) : walk(v)))
  walk(tree)
  return out
}
const wordsOf = (text: string): string[] => (text.replace(/\{[^}]*\}/g, ' ').match(/\p{L}+/gu) ?? []).map(w => w.toLowerCase())

/** Everyday English words, beyond those of the interface's own messages. */
const COMMON_ENGLISH = 'the and of to in is for on with this that you your by as be are or not from at an it no all has have will can more new add save cancel close delete edit open comment comments report reports section sections words word limit reply resolve export download copy settings members versions outline show hide loading saved saving connected offline sign out account menu language inbox read unread mark suggest suggestion accept reject draft review final text title status owner nobody none today'.split(' ')

/** Words of `locale`'s own messages: Latin-script words in them (Chorus, Word, Ctrl…) are deliberate. */
export function ownVocabulary(locale: string): Set<string> {
  return new Set(messages(locale).flatMap(wordsOf))
}

/** The English words Chorus itself could show: its English messages and everyday words. */
export function englishVocabulary(): Set<string> {
  return new Set([...messages('en').flatMap(wordsOf), ...COMMON_ENGLISH])
}

/** Every text shown on the page (text, aria-label, title, placeholder, alt), outside text marked in another language. */
export async function shownTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const pageLang = (document.documentElement.lang || 'en').split('-')[0]
    const foreign = (el: Element) => {
      const lang = el.closest('[lang]')?.getAttribute('lang')
      return !!lang && lang.split('-')[0] !== pageLang
    }
    const shown = (el: Element) => {
      const style = getComputedStyle(el)
      return (el.getClientRects().length > 0 && style.visibility !== 'hidden') || !!el.closest('.sr-only')
    }
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName) || foreign(el) || !shown(el)) continue
      out.push((n as Text).data)
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (foreign(el) || !shown(el)) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) out.push(el.getAttribute(name) ?? '')
    }
    return out
  })
  return texts
}

/**
 * The English words left on a page shown in `locale`: for Russian, any Latin-script word its own
 * messages do not use; for Azerbaijani (also Latin script), any word of Chorus's English that
 * Azerbaijani does not share. `allowed`: proper names and what the test itself typed.
 */
export async function englishLeft(page: Page, locale: 'az' | 'ru', allowed: string[]): Promise<string[]> {
  const own = ownVocabulary(locale)
  const allow = new Set(allowed.flatMap(wordsOf))
  const english = englishVocabulary()
  const roman = /^[ivxlcdm]+$/ // section numbers (II., IV.) are the same in every language
  const left = new Map<string, string>()
  for (const text of await shownTexts(page)) {
    // UN document symbols (CRC/C/AZE/CO/5-6) and email addresses are the same in every language.
    const words = text.replace(/\b[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9.-]+)+/g, ' ').replace(/\S+@\S+/g, ' ').match(/\p{L}+/gu) ?? []
    for (const word of words.map(w => w.toLowerCase())) {
      if (word.length < 2 || own.has(word) || allow.has(word) || roman.test(word)) continue
      if (locale === 'ru' ? /\p{Script=Latin}/u.test(word) : english.has(word)) left.set(word, text.trim().slice(0, 80))
    }
  }
  // Each word with where it was seen, so a failure says what to translate.
  return [...left].map(([word, where]) => `${word} — in “${where}”`)
}
