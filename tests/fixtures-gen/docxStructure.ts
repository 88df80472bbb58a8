/**
 * The structure of a .docx the exporter wrote, for round-trip tests: the cover's lines, each body
 * paragraph as style + numbering level + text (tables' paragraphs included), and the number of
 * footnotes. Two exports of the same report have equal structures.
 */
import { docxParts, norm, paragraphs, xmlText } from './readDocx'

/** What two exports of the same report share. */
export interface DocxStructure {
  cover: string[]
  body: string[]
  footnotes: number
  sectionTitles: string[]
}

/** Reads the structure of an exported .docx. */
export async function docxStructure(buffer: Buffer): Promise<DocxStructure> {
  const parts = await docxParts(buffer)
  const xml = parts['word/document.xml']!.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '')
  const cover: string[] = []
  const body: string[] = []
  const sectionTitles: string[] = []
  for (const p of paragraphs(xml)) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? ''
    const level = /<w:numPr>[\s\S]*?<w:ilvl w:val="(\d+)"/.exec(p)?.[1]
    const text = norm(xmlText(p))
    if (style.startsWith('ChorusCover') || style.startsWith('TOC') || style === 'ChorusTocPage') {
      if (style.startsWith('ChorusCover')) cover.push(`${style}:${text}`)
      continue
    }
    if (style === 'Heading1') sectionTitles.push(text)
    body.push(`${style}|${level ?? '-'}|${text}`)
  }
  const footnotes = (parts['word/footnotes.xml']?.match(/<w:footnote [^>]*w:id="[1-9]\d*"/g) ?? []).length
  return { cover, body, footnotes, sectionTitles }
}
