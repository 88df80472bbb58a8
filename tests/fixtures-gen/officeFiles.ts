/**
 * Word files made the way coalition members make them: by LibreOffice (from a flat ODT written
 * here) and by pandoc (from Markdown). Both programs are required (CI installs them); the files are
 * made at test time, so what is tested is what today's LibreOffice and pandoc write.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { deflateSync } from 'node:zlib'

const run = promisify(execFile)

const FODT_NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:math="http://www.w3.org/1998/Math/MathML"',
].join(' ')

/** A flat ODT document: automatic styles and body (ODF XML). */
export function fodt(styles: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${FODT_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>${styles}</office:automatic-styles>
<office:body><office:text>${body}</office:text></office:body>
</office:document>`
}

/** Converts a file with LibreOffice (own temporary profile, so parallel runs do not collide). */
export async function sofficeConvert(input: Buffer | string, inputName: string, to: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-office-'))
  try {
    const file = join(dir, inputName)
    writeFileSync(file, input)
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', join(dir, 'out'), file], { timeout: 120_000 })
    return readFileSync(join(dir, 'out', inputName.replace(/\.[^.]+$/, '') + '.' + to.split(':')[0]))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A .docx saved by LibreOffice from a flat ODT. */
export function libreOfficeDocx(fodtXml: string): Promise<Buffer> {
  return sofficeConvert(fodtXml, 'draft.fodt', 'docx')
}

/** A .docx written by pandoc from Markdown (raw OOXML blocks allowed). */
export async function pandocDocx(markdown: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-pandoc-'))
  try {
    writeFileSync(join(dir, 'draft.md'), markdown)
    writeFileSync(join(dir, 'square.png'), redSquarePng())
    await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'draft.docx'), join(dir, 'draft.md')], { cwd: dir, timeout: 60_000 })
    return readFileSync(join(dir, 'draft.docx'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The plain text of a PDF, by pdftotext (layout kept, pages separated by form feeds). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-pdf-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'in.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** An 8×8 red PNG. */
export function redSquarePng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xFFFFFFFF
    for (const b of buf) c = crcTable[(c ^ b) & 0xFF]! ^ (c >>> 8)
    return (c ^ 0xFFFFFFFF) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [255, 0, 0]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** A bar chart (an embedded chart object, as LibreOffice and Word make them) for a flat ODT body. */
export function fodtChart(name: string): string {
  const cell = (v: string, n?: number) => n === undefined
    ? `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`
    : `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`
  return `<draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="8cm" svg:height="5cm"><draw:object>`
    + '<office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3"><office:body><office:chart>'
    + '<chart:chart chart:class="chart:bar" svg:width="8cm" svg:height="5cm"><chart:plot-area table:cell-range-address="local-table.$A$1:.$B$3">'
    + '<chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/>'
    + '<chart:series chart:values-cell-range-address="local-table.$B$2:.$B$3" chart:class="chart:bar"><chart:data-point chart:repeated="2"/></chart:series></chart:plot-area>'
    + '<table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns><table:table-columns><table:table-column/></table:table-columns>'
    + `<table:table-header-rows><table:table-row><table:table-cell/>${cell('Cases')}</table:table-row></table:table-header-rows>`
    + `<table:table-rows><table:table-row>${cell('2022')}${cell('', 12)}</table:table-row><table:table-row>${cell('2023')}${cell('', 19)}</table:table-row></table:table-rows>`
    + '</table:table></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>'
}

/** A picture (embedded PNG) for a flat ODT body. */
export function fodtPicture(name: string, alt: string): string {
  return `<draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>${redSquarePng().toString('base64')}</office:binary-data></draw:image><svg:desc>${alt}</svg:desc></draw:frame>`
}

/** An equation (MathML object) for a flat ODT body. */
export function fodtEquation(name: string): string {
  return `<draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="2cm" svg:height="0.5cm"><draw:object><math:math><math:semantics><math:mrow><math:mi>E</math:mi><math:mo>=</math:mo><math:mi>m</math:mi></math:mrow></math:semantics></math:math></draw:object></draw:frame>`
}

/** A drawn rectangle (a shape, not a picture) for a flat ODT body. */
export function fodtShape(): string {
  return '<draw:rect text:anchor-type="as-char" svg:width="2cm" svg:height="1cm"/>'
}

/** A picture of a given PNG shown `widthCm` wide (height by its aspect ratio), for a flat ODT body. */
export function fodtSizedPicture(name: string, alt: string, png: Buffer, widthCm: number): string {
  const height = (widthCm * png.readUInt32BE(20)) / png.readUInt32BE(16)
  return `<draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="${widthCm}cm" svg:height="${height.toFixed(3)}cm"><draw:image><office:binary-data>${png.toString('base64')}</office:binary-data></draw:image><svg:desc>${alt}</svg:desc></draw:frame>`
}
