/**
 * A form's validation message in the interface language. The shared zod schemas
 * (shared/schemas/*.ts) carry English messages, which the server also sends to API clients;
 * the browser shows the translation of those it knows, and a general one for the rest.
 */
import { interfaceLocale, interfaceT } from './interfaceI18n'

const KEYS: Record<string, string> = {
  'Enter a valid email address': 'validation.email',
  'Use at least 10 characters': 'validation.passwordMin',
  'Use at most 200 characters': 'validation.passwordMax',
  'Enter a name': 'validation.name',
}

export function validationMessage(message: string): string {
  const key = KEYS[message]
  if (key) return interfaceT(key)
  return interfaceLocale() === 'en' ? message : interfaceT('validation.invalid')
}
