/** An account's own preferences: for now the interface language (docs/languages.md). */
import { z } from 'zod'

/** The interface languages: English, Azerbaijani (Latin script), Russian (nuxt.config.ts `i18n.locales`). */
export const INTERFACE_LOCALES = ['en', 'az', 'ru'] as const
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number]

export const updatePreferencesSchema = z.object({ locale: z.enum(INTERFACE_LOCALES) }).strict()
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesSchema>
