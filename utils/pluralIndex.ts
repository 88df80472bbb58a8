/**
 * Which form of a plural message to show, by the language's own rule (Intl.PluralRules, CLDR).
 * vue-i18n's default rule is English-only ("1 comment | 2 comments"); Russian needs three forms
 * ("1 комментарий | 2 комментария | 5 комментариев") and Azerbaijani one (a noun after a number
 * stays singular: "1 şərh", "5 şərh"). Each message lists its forms in CLDR order
 * (one | few | many), as many as the language uses; a fraction (CLDR "other" in Russian) takes the
 * "few" form, as Russian grammar does ("1,5 комментария").
 */
const ORDER = ['zero', 'one', 'two', 'few', 'many'] as const

const rulesByLocale = new Map<string, Intl.PluralRules>()

/** The index of the form to use for `count` in a message with `choices` forms, in `locale`. */
export function pluralIndex(locale: string, count: number, choices: number): number {
  if (choices <= 1) return 0
  let rules = rulesByLocale.get(locale)
  if (!rules) rulesByLocale.set(locale, rules = new Intl.PluralRules(locale))
  const used = ORDER.filter(c => rules.resolvedOptions().pluralCategories.includes(c))
  const category = rules.select(Math.abs(count))
  let index = used.indexOf(category as (typeof ORDER)[number])
  if (index < 0) index = used.includes('few') ? used.indexOf('few') : used.length
  return Math.min(index, choices - 1)
}

/** vue-i18n's `pluralRules` for the interface languages (i18n.config.ts; the unit tests use the same). */
export const PLURAL_RULES = {
  en: (count: number, choices: number) => pluralIndex('en', count, choices),
  az: (count: number, choices: number) => pluralIndex('az', count, choices),
  ru: (count: number, choices: number) => pluralIndex('ru', count, choices),
}
