/**
 * Yjs client ids belong to accounts. Every Yjs item carries the client id and clock of the
 * document that made it; a member who wrote under someone else's id (a crafted client) could make
 * that person's next changes look already known to everyone, so that they are silently dropped.
 * A room therefore binds each client id to the first account that writes under it: looked up in
 * the store on first sight (`doc_clients`), claimed by an accepted update and stored in the same
 * transaction as that update (so a binding survives a crash exactly as long as its update does).
 */
import type { ClientClaim } from '../store/docStore'

/** Owner of a client id nobody has written under yet, and of the server's own. */
const UNCLAIMED = ''
const SERVER_OWNER = '#server'

export class ClientIdOwners {
  private readonly owners = new Map<number, string>()
  private claims: ClientClaim[] = []

  constructor(serverClientId: number) {
    this.owners.set(serverClientId, SERVER_OWNER)
  }

  /** The ids among `clients` never seen here: look them up in the store, then `learn`. */
  unknown(clients: number[]): number[] {
    return clients.filter(c => !this.owners.has(c))
  }

  /** What the store holds for `clients` (an id it lacks is unclaimed). */
  learn(clients: number[], stored: Map<number, string>): void {
    for (const c of clients) if (!this.owners.has(c)) this.owners.set(c, stored.get(c) ?? UNCLAIMED)
  }

  /** May `userId` write under every one of `clients` (all known: see `unknown`)? */
  mayWrite(clients: number[], userId: string): boolean {
    return clients.every((c) => {
      const owner = this.owners.get(c)
      return owner === UNCLAIMED || owner === userId
    })
  }

  /** Claim the still unclaimed ids among `clients` for `userId`; stored with the next commit. */
  claim(clients: number[], userId: string): void {
    for (const c of clients) {
      if (this.owners.get(c) !== UNCLAIMED) continue
      this.owners.set(c, userId)
      this.claims.push({ clientId: c, userId })
    }
  }

  /** The claims made since the last call, for the commit that stores their updates. */
  takeClaims(): ClientClaim[] {
    const claims = this.claims
    this.claims = []
    return claims
  }
}
