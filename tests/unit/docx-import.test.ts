import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { chorusSchema } from '#shared/editor/extensions'
import { importDocx } from '../../server/docx/import/importDocx'
import { DocxImportError } from '../../server/docx/import/DocxImportError'
import { exportDocx } from '../../server/docx/export/exportDocx'
import type { PMNode } from '../../server/docx/types'
import { sampleReport } from '../fixtures-gen/sampleReport'
import { norm, textblockTexts } from '../fixtures-gen/readDocx'
import { lyingZipBomb, withClaimedSize, withManyEntries } from '../fixtures-gen/craftedZips'

const FIXTURE = '/work/shared/fixtures/cluster-v-draft.docx'

/** All nodes of a doc, depth first. */
function nodes(doc: PMNode): PMNode[] {
  const out: PMNode[] = []
  const walk = (n: PMNode) => {
    out.push(n)
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

/** Rejects with a DocxImportError of this code. */
async function expectImportError(promise: Promise<unknown>, code: DocxImportError['code']): Promise<DocxImportError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocxImportError)
  expect((error as DocxImportError).code).toBe(code)
  expect((error as DocxImportError).message.length).toBeGreaterThan(20)
  return error as DocxImportError
}

describe('DOCX import of the Cluster V draft', async () => {
  const { content, warnings } = await importDocx(readFileSync(FIXTURE))
  const all = nodes(content)
  const texts = textblockTexts(content)

  it('produces a body that chorusSchema() accepts', () => {
    expect(() => chorusSchema().nodeFromJSON(content).check()).not.toThrow()
    // pandoc's 'Compact' is body text: nothing was lost, so nothing is said.
    expect(warnings).toEqual([])
  })

  it('keeps every heading, Word Heading 1 → level 2, Heading 2 → level 3', () => {
    const headings = all.filter(n => n.type === 'heading').map(n => [n.attrs!.level, textblockTexts(n)[0]])
    expect(headings).toEqual([
      [2, 'Cluster V — Violence against children (draft for the coalition)'],
      [2, 'V. Violence against children'],
      [3, 'A. Follow-up to the previous concluding observations'],
      [3, 'B. Data gaps'],
      [3, 'C. Questions for the State party'],
      [3, 'D. Proposed recommendations'],
    ])
  })

  it('keeps the numbered paragraphs as ordered lists that start where Word’s numbering was (1, 3, 4, 5, 6)', () => {
    const topLists = (content.content ?? []).filter(n => n.type === 'orderedList')
    expect(topLists.map(l => l.attrs!.start)).toEqual([1, 3, 4, 5, 6])
    expect(topLists.map(l => l.content!.length)).toEqual([2, 1, 1, 1, 1])
    expect(texts.some(t => t.includes('\uFDD0'))).toBe(false)
  })

  it('keeps bold and italic', () => {
    const marked = (type: string) => all.filter(n => n.type === 'text' && n.marks?.some(m => m.type === type)).map(n => n.text)
    expect(marked('bold')).toEqual(['no budget line'])
    expect(marked('italic')).toEqual(['lawful in the home', 'explicitly prohibit corporal punishment in all settings'])
  })

  it('keeps the table with its header row as tableHeader cells', () => {
    const table = all.find(n => n.type === 'table')!
    const rows = table.content!.map(r => r.content!.map(c => [c.type, textblockTexts(c)[0]]))
    expect(rows[0]).toEqual([['tableHeader', 'Year'], ['tableHeader', 'Reported cases'], ['tableHeader', 'Cases brought to court'], ['tableHeader', 'Source']])
    expect(rows.slice(1).map(r => r.map(c => c[1]))).toEqual([
      ['2017', '412', '97', 'Ministry statistics'],
      ['2018', '455', '103', 'Ministry statistics'],
      ['2019', '501', '88', 'Ombudsman annual report'],
    ])
    expect(rows.slice(1).flat().every(c => c[0] === 'tableCell')).toBe(true)
  })

  it('keeps the bulleted list and the numbered list nested in paragraph 5', () => {
    const bullets = all.find(n => n.type === 'bulletList')!
    expect(bullets.content!.map(li => textblockTexts(li)[0])).toEqual(['pre-trial detention facilities;', 'temporary detention facilities;', 'childcare institutions, but only on notice.'])
    const item5 = (content.content ?? []).filter(n => n.type === 'orderedList')[3]!.content![0]!
    const nested = item5.content!.find(n => n.type === 'orderedList')!
    expect(nested.attrs!.start).toBe(1)
    expect(nested.content!.map(li => textblockTexts(li)[0])).toEqual([
      'What budget is allocated to the implementation of the violence-prevention component of the national strategy?',
      'When will legislation explicitly prohibit corporal punishment in all settings?',
    ])
  })

  it('turns the two Word footnotes into footnote references and notes, in order, without mammoth’s back links', () => {
    const refs = all.filter(n => n.type === 'footnoteReference').map(n => n.attrs!.id)
    const notes = (content.content ?? []).at(-1)!
    expect(notes.type).toBe('footnotes')
    expect(notes.content!.map(n => n.attrs!.id)).toEqual(refs)
    expect(notes.content!.map(n => textblockTexts(n)[0])).toEqual([
      'CRC/C/AZE/CO/3-4, para. 31.',
      'Family Code, article 56; see also the Global Initiative to End All Corporal Punishment of Children country report.',
    ])
    expect(texts.some(t => t.includes('↑'))).toBe(false)
  })

  it('keeps the hyperlink with its address', () => {
    const links = all.filter(n => n.marks?.some(m => m.type === 'link')).map(n => [norm(n.text!), n.marks!.find(m => m.type === 'link')!.attrs!.href])
    expect(links).toEqual([['general comment No. 13', 'https://www.ohchr.org/en/treaty-bodies/crc']])
  })
})

describe('DOCX import of other documents', () => {
  it('round-trips Chorus’s own export: every paragraph, heading, cell and footnote text comes back', async () => {
    const input = sampleReport()
    const { buffer } = await exportDocx(input, { date: new Date('2027-02-15') })
    const { content } = await importDocx(buffer)
    expect(() => chorusSchema().nodeFromJSON(content).check()).not.toThrow()
    const imported = new Set(textblockTexts(content))
    const expected = input.sections.flatMap(s => [norm(s.title), ...textblockTexts(s.content)])
    expect(expected.filter(t => !imported.has(t))).toEqual([])
    expect(nodes(content).filter(n => n.type === 'footnote')).toHaveLength(6)
  }, 30_000) // an export and an import, each in a worker thread: seconds when the machine is busy

  it('imports a link with a refused address (javascript:) as plain text, with a warning', async () => {
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Links' }),
      new Paragraph({ children: [new TextRun('Click '), new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('here')] }), new TextRun(' or '), new ExternalHyperlink({ link: 'mailto:secretariat@example.org', children: [new TextRun('write')] })] }),
    ] }] })
    const { content, warnings } = await importDocx(await Packer.toBuffer(doc))
    const paragraph = content.content![1]!
    expect(textblockTexts(paragraph)).toEqual(['Click here or write'])
    expect(JSON.stringify(content)).not.toContain('javascript')
    expect(JSON.stringify(content)).toContain('mailto:secretariat@example.org')
    expect(warnings).toEqual(['A link with an address that is not a web or e-mail address became plain text'])
  })

  it('gives an empty document one empty paragraph', async () => {
    const { content } = await importDocx(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })))
    // One paragraph whose attributes (suggested breaks, refId, and whatever global attributes the
    // schema gives every paragraph) are all unset: nothing suggested, nothing refers to it.
    expect(content.content).toHaveLength(1)
    expect(content.content![0]!.type).toBe('paragraph')
    expect(content.content![0]!.content).toBeUndefined()
    expect(Object.values(content.content![0]!.attrs ?? {}).every(v => v === null)).toBe(true)
  })
})

describe('DOCX import refuses bad uploads before parsing them', () => {
  it('refuses a text file renamed .docx as not-docx', async () => {
    await expectImportError(importDocx(Buffer.from('This is not a Word file, just text.\n'.repeat(20))), 'not-docx')
  })

  it('refuses a zip without a Word document as not-docx', async () => {
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    await expectImportError(importDocx(await zip.generateAsync({ type: 'nodebuffer' })), 'not-docx')
  })

  it('refuses a file over 10 MiB as too-large', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1)
    big.writeUInt32LE(0x04034b50, 0)
    await expectImportError(importDocx(big), 'too-large')
  })

  it('refuses a zip whose directory declares a huge uncompressed size as zip-bomb, without inflating it', async () => {
    const forged = withClaimedSize(readFileSync(FIXTURE), 'word/document.xml', 0xfffffff0)
    const started = performance.now()
    await expectImportError(importDocx(forged), 'zip-bomb')
    expect(performance.now() - started).toBeLessThan(500) // refused from the directory alone (inflating would take seconds)
  })

  it('refuses a zip with more than 2,000 entries as zip-bomb', async () => {
    await expectImportError(importDocx(await withManyEntries(2001)), 'zip-bomb')
  })

  it('refuses a truncated file as corrupt', async () => {
    await expectImportError(importDocx(readFileSync(FIXTURE).subarray(0, 4000)), 'corrupt')
  })

  it('stops a parse that runs past the time limit with timeout (the worker is terminated)', async () => {
    await expectImportError(importDocx(readFileSync(FIXTURE), { timeoutMs: 1 }), 'timeout')
  })

  it('refuses a zip that lies about its sizes (declares 100 bytes, inflates to 512 MiB) as zip-bomb, inflating no more than declared', async () => {
    const bomb = await lyingZipBomb(512)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const rssBefore = process.memoryUsage().rss
    const started = performance.now()
    await expectImportError(importDocx(bomb), 'zip-bomb')
    expect(performance.now() - started).toBeLessThan(5000)
    // Stopped at the declared 100 bytes: the 512 MiB never exist in memory.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024)
  }, 30_000)
})
