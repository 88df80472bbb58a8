/** An account as the browser and other members may see it (never the password hash). */
export interface PublicUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  /** The caret and avatar colour, assigned by the server. */
  color: string
  /** The interface language the account chose (shared/schemas/preferences.ts), or null: the browser's decides. */
  locale: string | null
}
