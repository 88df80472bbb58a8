/**
 * Raw HTTP for the request-size tests. `fetch` cannot send what an attacker sends (a body
 * streamed in chunks with no length, or a Content-Length it never delivers) nor notice an answer
 * that arrives while the body is still going out; node:http can. Also reads a process's memory
 * (VmRSS) so a test can prove a body was not buffered.
 */
import { readFileSync } from 'node:fs'
import { request } from 'node:http'

export interface StreamedAnswer {
  status: number
  contentType: string
  body: unknown
  /** Body bytes the client had written when the answer came (or all of them). */
  sentBytes: number
  ms: number
}

export interface StreamOptions {
  method: string
  path: string
  headers?: Record<string, string>
  /** The body itself, or a number: that many filler bytes. */
  body: Buffer | number
  /** `chunked` (no length), or a Content-Length of `declaredLength` (default: the body's size). */
  framing: 'chunked' | 'content-length'
  declaredLength?: number
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61)

/** Send a body chunk by chunk, stop writing as soon as the server answers, and return the answer. */
export function streamBody(baseUrl: string, options: StreamOptions): Promise<StreamedAnswer> {
  const total = typeof options.body === 'number' ? options.body : options.body.length
  const headers: Record<string, string> = { ...options.headers }
  if (options.framing === 'chunked') headers['transfer-encoding'] = 'chunked'
  else headers['content-length'] = String(options.declaredLength ?? total)
  const started = Date.now()
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = request(baseUrl + options.path, { method: options.method, headers, agent: false })
    const next = (n: number) => typeof options.body === 'number'
      ? (n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))
      : options.body.subarray(sent, sent + n)
    const pump = () => {
      while (!answered && sent < total) {
        const n = Math.min(CHUNK.length, total - sent)
        const chunk = next(n)
        sent += n
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered && sent >= total && (options.framing === 'chunked' || (options.declaredLength ?? total) === total)) req.end()
    }
    req.on('response', (res) => {
      answered = true
      const sentBytes = sent
      const parts: Buffer[] = []
      res.on('data', (d: Buffer) => parts.push(d))
      res.on('error', () => { /* the server may close the connection right after a refusal */ })
      res.on('end', () => {
        const text = Buffer.concat(parts).toString()
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch { /* not JSON: keep the text */ }
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body, sentBytes, ms: Date.now() - started })
        req.destroy()
      })
    })
    // After an answer, a reset of the rest of the upload is expected; before one, it is a failure.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.flushHeaders()
    pump()
  })
}

/** Resident memory of a process in bytes (Linux /proc). */
export function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return kb ? Number(kb[1]) * 1024 : 0
}

/** Sample a process's RSS every few ms until `stop`, which returns the peak growth in bytes. */
export function watchResident(pid: number): { stop: () => number } {
  const base = residentBytes(pid)
  let peak = base
  let stopped = false
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 10)
  return {
    stop: () => {
      clearInterval(timer)
      if (!stopped) peak = Math.max(peak, residentBytes(pid))
      stopped = true
      return peak - base
    },
  }
}
