/**
 * The hub frames a broadcast once for all its recipients (server/collab/rawSocket.ts
 * `binaryFrame`): what `ws`'s own receiver reads back must be the message, whole and binary, for
 * each of the three length encodings of RFC 6455.
 */
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame } from '../../server/collab/rawSocket'

/** `ws`'s frame reader: exported by the package, though not by its type declarations. */
interface FrameReader {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void
  on(event: 'error', listener: (error: Error) => void): void
  write(chunk: Buffer): void
}
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean, maxPayload: number }) => FrameReader }

function readBack(frame: Uint8Array): Promise<{ data: Buffer, isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 })
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }))
    receiver.on('error', reject)
    receiver.write(Buffer.from(frame))
  })
}

describe('binaryFrame', () => {
  for (const size of [0, 125, 126, 65_535, 65_536, 200_000]) {
    it(`a ${size}-byte message reads back whole`, async () => {
      const message = new Uint8Array(size).map((_, i) => (i * 31) & 0xff)
      const { data, isBinary } = await readBack(binaryFrame(message))
      expect(isBinary).toBe(true)
      expect(new Uint8Array(data)).toEqual(message)
    })
  }
})
