/**
 * Part of the parsing worker's source (appended in mammothWorkerSource.ts): the table of contents
 * is not text of the report. Word, LibreOffice and Chorus's exporter all write it as a content
 * control whose gallery is "Table of Contents" (`w:sdt` … `w:docPartGallery w:val="Table of
 * Contents"`); mammoth would paste its entries as paragraphs of internal links. The control is
 * removed from `word/document.xml` before mammoth reads it, and so is the paragraph just before it
 * when that is a one-word, right-aligned column head (Chorus's "Page" over the page numbers).
 * The "Contents" title itself is dropped by the style map (TOC Heading / Contents Heading).
 *
 * Also: a row marked `<w:tblHeader w:val="off"/>` (as Chorus's exporter marks every body row) is
 * not a header row, but mammoth reads any `w:tblHeader` as one; the switched-off marks are removed.
 */
export const CONTENTS_MARKUP_SOURCE = String.raw`
const TOC_SDT = /<w:sdt>(?:(?!<\/w:sdtPr>)[\s\S])*?<w:docPartGallery w:val="Table of Contents"\/>[\s\S]*?<\/w:sdtContent>\s*<\/w:sdt>/g
const PAGE_HEAD = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:jc w:val="right"\/>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>\s*$/

// The document without its table of contents; returns [xml, how many were removed].
function dropTableOfContents(xml) {
  let removed = 0
  let out = ''
  let last = 0
  TOC_SDT.lastIndex = 0
  let m
  while ((m = TOC_SDT.exec(xml)) !== null) {
    let before = xml.slice(last, m.index)
    const head = PAGE_HEAD.exec(before)
    if (head) {
      const words = head[0].replace(/<[^>]*>/g, '').trim()
      // Only a one-word column head ("Page", "Страница", "Səhifə"); any other text stays.
      if (words && !/\s/.test(words) && words.length <= 20) before = before.slice(0, head.index)
    }
    out += before
    last = m.index + m[0].length
    removed++
  }
  return [out + xml.slice(last), removed]
}

// Abstract numbering ids with a single decimal level: Chorus's paragraph numbers ("1.", "2." …
// on plain paragraphs, one level only, where every list definition has nine).
function paragraphNumberingIds(numberingXml) {
  const ids = {}
  const re = /<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g
  let m
  while ((m = re.exec(numberingXml)) !== null) {
    const levels = m[2].match(/<w:lvl\b/g) || []
    if (levels.length === 1 && /<w:numFmt w:val="decimal"\/>/.test(m[2])) ids[m[1]] = true
  }
  return ids
}

// Rewrites document.xml of the opened zip; returns the abstract ids of paragraph numbering.
async function prepareContents(zip, chorusExport) {
  if (zip.exists('word/document.xml')) {
    const xml = await zip.read('word/document.xml', 'utf-8')
    const dropped = dropTableOfContents(xml)
    const rows = dropped[0].replace(/<w:tblHeader w:val="(?:off|false|0)"\s*\/>/g, '')
    if (rows !== xml) zip.write('word/document.xml', rows)
  }
  if (!chorusExport || !zip.exists('word/numbering.xml')) return {}
  return paragraphNumberingIds(await zip.read('word/numbering.xml', 'utf-8'))
}
`
