/**
 * A stand-in for a Gotenberg service (https://gotenberg.dev), for the PDF export's tests: the one
 * route Chorus calls, `POST /forms/libreoffice/convert`, with Gotenberg's contract — multipart
 * form, the documents in `files`, any other field refused with 400 as Gotenberg 9 refuses fields
 * it does not know — converting with the LibreOffice of this machine (`soffice --convert-to pdf`).
 * CI has no Docker engine to run the real image; what this checks is the request Chorus sends and
 * how it takes the answer. It records each request for the test to read.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface GotenbergStandIn {
  url: string
  requests: Array<{ path: string, fields: string[], files: string[] }>
  close: () => Promise<void>
}

export async function startGotenbergStandIn(): Promise<GotenbergStandIn> {
  const requests: GotenbergStandIn['requests'] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const path = req.url ?? ''
    if (req.method !== 'POST' || path !== '/forms/libreoffice/convert') {
      res.writeHead(404).end('Not Found')
      return
    }
    const form = await new Request('http://x', { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }).formData()
    const fields = [...form.keys()].filter(k => k !== 'files')
    const files = form.getAll('files').filter((f): f is File => typeof f !== 'string')
    requests.push({ path, fields, files: files.map(f => f.name) })
    if (fields.length) {
      res.writeHead(400).end(`Invalid form data: form field '${fields[0]}' is unknown to this route`)
      return
    }
    if (files.length !== 1 || !files[0]!.name.endsWith('.docx')) {
      res.writeHead(400).end('Invalid form data: no form file found for extensions: [.docx …]')
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'gotenberg-stand-in-'))
    try {
      writeFileSync(join(dir, 'in.docx'), Buffer.from(await files[0]!.arrayBuffer()))
      await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'in.docx')], { timeout: 180_000 })
      res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(readFileSync(join(dir, 'in.pdf')))
    } catch (error) {
      res.writeHead(500).end(String(error))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise(r => server.close(() => r())) }
}
