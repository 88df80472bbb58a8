/**
 * The guard's differential fuzzer. For members of every role, generated updates — ordinary edits
 * made with the app's own writers, and hostile variants of them — are judged by the guard and, in
 * parallel, applied to a CLONE of the document by Yjs, whose visible change is judged by the role
 * table (tests/support/guardOracle.ts). The guard must never allow what the oracle refuses, and
 * must allow every ordinary edit the oracle allows. FUZZ_RUNS sets the number of cases
 * (`npm run fuzz -- --runs 1000000`); FUZZ_SEED replays a run.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { changesSomething, judgeEffect } from '../support/guardOracle'
import { buildUpdate, caseArb, offered } from '../support/guardFuzz'
import { standardScenario } from '../support/guardScenario'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
const TIMEOUT = Math.max(120_000, RUNS * 20)

function setup() {
  const { s, sec, a, b, reviewer, viewer, demoted } = standardScenario()
  return { s, members: [sec, a, b, reviewer, viewer, demoted] }
}

describe('guard fuzzer (differential, against Yjs itself)', () => {
  it(`never allows a hostile update whose real effect the role may not make (${RUNS} cases)`, () => {
    const { s, members } = setup()
    const fingerprint = Y.encodeStateAsUpdate(s.server)
    fc.assert(fc.property(caseArb(members.length, true), (c) => {
      // The server's clock when the case is judged: honest edits stamp their threads with it, and
      // a long run lasts longer than the oracle's one-minute window.
      const now = Date.now()
      const { update, sender } = buildUpdate(s, members, c)
      const verdict = guardUpdate(s.server, update, sender, now)
      if (!verdict.ok) return
      const violation = judgeEffect(s.server, update, sender, now)
      if (violation) throw new Error(`${sender.role} ${sender.userId}: guard allowed it, but ${violation}`)
    }), { numRuns: RUNS, seed: SEED })
    expect(Y.encodeStateAsUpdate(s.server)).toEqual(fingerprint) // the guard never changed the document
  }, TIMEOUT)

  it(`allows exactly the ordinary edits the role may make (${Math.ceil(RUNS / 4)} cases)`, () => {
    const { s, members } = setup()
    fc.assert(fc.property(caseArb(members.length, false), (c) => {
      const now = Date.now()
      const { update, sender } = buildUpdate(s, members, c)
      const verdict = guardUpdate(s.server, update, sender, now)
      const violation = judgeEffect(s.server, update, sender, now)
      if (verdict.ok && violation) throw new Error(`${sender.role}: guard allowed an ordinary edit the role may not make: ${violation}`)
      // Edits the editor does not offer (typing where one may not write) may be refused even
      // when they change nothing anyone sees; so may updates that change nothing at all.
      if (!verdict.ok && !violation && offered(s, members, c) && changesSomething(s.server, update)) throw new Error(`${sender.role}: guard refused an ordinary edit the role may make (${verdict.kind}: ${verdict.reason})`)
    }), { numRuns: Math.ceil(RUNS / 4), seed: SEED })
  }, TIMEOUT)
})
