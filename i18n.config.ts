/**
 * vue-i18n's runtime options (the languages themselves are listed in nuxt.config.ts): plurals by
 * each language's CLDR rule (utils/pluralIndex.ts) and no console noise for the proper names we
 * deliberately leave untranslated.
 */
import { pluralIndex } from './utils/pluralIndex'

export default defineI18nConfig(() => ({
  fallbackLocale: 'en',
  pluralRules: {
    en: (count: number, choices: number) => pluralIndex('en', count, choices),
    az: (count: number, choices: number) => pluralIndex('az', count, choices),
    ru: (count: number, choices: number) => pluralIndex('ru', count, choices),
  },
}))
