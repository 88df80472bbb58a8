/**
 * Reading a produced .docx back in tests: its XML parts, pandoc's view of its text, and a PDF
 * made by LibreOffice. Helpers only; the assertions live in the tests.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import type { PMNode } from '../../server/docx/types'

const run = promisify(execFile)

/** Every XML/rels part of a .docx by path. */
export async function docxParts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer)
  const parts: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) parts[name] = await zip.file(name)!.async('string')
  }
  return parts
}

/** The `<w:p>` elements of a part, as XML strings. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/gs) ?? []
}

/** The visible text of an XML fragment (w:t runs; a line break as a space), tags stripped. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map(m => (m[1] === undefined ? ' ' : unescapeXml(m[1]))).join('')
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
}

/** Collapses white space, for comparing texts from different writers. */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The texts of every paragraph, heading, table cell paragraph and footnote paragraph of a PM doc. */
export function textblockTexts(node: PMNode): string[] {
  const out: string[] = []
  const inline = (n: PMNode): string => n.type === 'text' ? n.text ?? '' : n.type === 'hardBreak' ? ' ' : (n.content ?? []).map(inline).join('')
  const walk = (n: PMNode) => {
    if (n.type === 'paragraph' || n.type === 'heading') out.push(norm((n.content ?? []).map(inline).join('')))
    else n.content?.forEach(walk)
  }
  walk(node)
  return out.filter(Boolean)
}

interface PandocNode { t: string, c?: unknown }

/** pandoc's reading of a .docx: the text of each paragraph-like block (notes and cells included), and counts. */
export async function pandocView(buffer: Buffer): Promise<{ texts: Set<string>, notes: number, tables: number, headers: Array<[number, string]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-pandoc-'))
  try {
    const file = join(dir, 'in.docx')
    writeFileSync(file, buffer)
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'json', file], { maxBuffer: 256 * 1024 * 1024 })
    const ast = JSON.parse(stdout) as { blocks: PandocNode[] }
    const texts = new Set<string>()
    const headers: Array<[number, string]> = []
    let notes = 0
    let tables = 0
    const inlineText = (nodes: PandocNode[]): string => nodes.map((n) => {
      switch (n.t) {
        case 'Str': return n.c as string
        case 'Space': case 'SoftBreak': case 'LineBreak': return ' '
        case 'Note': notes++; blocks(n.c as PandocNode[]); return ''
        case 'Link': case 'Span': return inlineText((n.c as [unknown, PandocNode[]])[1])
        case 'Quoted': return inlineText((n.c as [unknown, PandocNode[]])[1])
        case 'Emph': case 'Strong': case 'Underline': case 'Strikeout': case 'SmallCaps': case 'Superscript': case 'Subscript':
          return inlineText(n.c as PandocNode[])
        default: return ''
      }
    }).join('')
    const blocks = (nodes: PandocNode[]): void => {
      for (const b of nodes) {
        if (b.t === 'Para' || b.t === 'Plain') texts.add(norm(inlineText(b.c as PandocNode[])))
        else if (b.t === 'Header') {
          const [level, , inl] = b.c as [number, unknown, PandocNode[]]
          const text = norm(inlineText(inl))
          texts.add(text)
          headers.push([level, text])
        } else if (b.t === 'Table') {
          tables++
          collectDeep(b.c)
        } else if (b.t === 'BulletList' || b.t === 'OrderedList' || b.t === 'BlockQuote' || b.t === 'Div') {
          collectDeep(b.c)
        }
      }
    }
    // Lists and tables nest blocks in arrays at various depths: find every block inside.
    const collectDeep = (value: unknown): void => {
      if (Array.isArray(value)) {
        if (value.length && value.every(v => v && typeof v === 'object' && 't' in (v as object)) && isBlockList(value as PandocNode[])) blocks(value as PandocNode[])
        else value.forEach(collectDeep)
      } else if (value && typeof value === 'object' && 'c' in (value as object)) {
        collectDeep((value as PandocNode).c)
      }
    }
    blocks(ast.blocks)
    return { texts, notes, tables, headers }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const BLOCK_TYPES = new Set(['Para', 'Plain', 'Header', 'Table', 'BulletList', 'OrderedList', 'BlockQuote', 'Div', 'HorizontalRule', 'LineBlock', 'CodeBlock', 'RawBlock', 'DefinitionList', 'Figure'])
function isBlockList(nodes: PandocNode[]): boolean {
  return nodes.every(n => BLOCK_TYPES.has(n.t))
}

/** Whether LibreOffice is installed. */
export function hasSoffice(): boolean {
  return ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].some(existsSync)
}

/** Converts a .docx to PDF with LibreOffice (own temporary profile, so parallel runs do not collide). */
export async function docxToPdf(buffer: Buffer, outDir?: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-soffice-'))
  try {
    const file = join(dir, 'report.docx')
    writeFileSync(file, buffer)
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir ?? dir, file], { timeout: 120_000 })
    return readFileSync(join(outDir ?? dir, 'report.pdf'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
