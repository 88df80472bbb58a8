/**
 * vue-i18n's runtime options (the languages themselves are listed in nuxt.config.ts): plurals by
 * each language's CLDR rule (utils/pluralIndex.ts) and no console noise for the proper names we
 * deliberately leave untranslated.
 */
import { PLURAL_RULES } from './utils/pluralIndex'

export default defineI18nConfig(() => ({
  fallbackLocale: 'en',
  pluralRules: PLURAL_RULES,
}))
