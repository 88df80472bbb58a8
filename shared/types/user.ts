/** An account as the browser and other members may see it (never the password hash). */
export interface PublicUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  /** The caret and avatar colour, assigned by the server. */
  color: string
}
