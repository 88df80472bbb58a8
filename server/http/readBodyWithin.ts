/**
 * Read a request body into memory, counting while the bytes arrive, and stop at the limit: the
 * request is paused at once and nothing more is read, so a request costs at most `maxBytes` of
 * memory whatever its framing. h3's own readers collect the whole body first and only then
 * (if ever) look at its size, and they believe Content-Length alone.
 */
import type { IncomingMessage } from 'node:http'

/** The body went past the limit; the request has been paused with the rest unread. */
export class BodyTooLargeError extends Error {
  constructor(public maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes`)
  }
}

/** The whole body, or a BodyTooLargeError as soon as byte `maxBytes + 1` arrives. */
export function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      stop()
      req.pause()
      chunks.length = 0
      reject(new BodyTooLargeError(maxBytes))
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    // The client went away before the end: nothing to answer, nothing to keep.
    const onClose = () => onError(new Error('The request was aborted before its body ended'))
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose)
  })
}
