/**
 * Part of the parsing worker's source (appended in mammothWorkerSource.ts): what mammoth would
 * lose without a word, made readable for it or counted for the import notices.
 *
 * - Raised and lowered text: LibreOffice writes a custom raise as `w:position` (half-points,
 *   no `w:vertAlign`), which mammoth ignores. A run raised above the line becomes superscript, one
 *   lowered below it subscript (`w:vertAlign`, which mammoth reads as `<sup>` / `<sub>`).
 * - `w:pageBreakBefore` on a paragraph (Word's "Page break before", LibreOffice's "Insert break"
 *   before a paragraph) becomes a page-break mark (U+FDD4) at the paragraph's start; `w:br
 *   w:type="page"` becomes the same mark in the worker's document transform. htmlToDoc turns each
 *   mark into a `pageBreak` node.
 * - What is dropped and why: charts and SmartArt diagrams (drawings, not pictures), shapes, and
 *   equations are counted here, so the notice can say what was left out instead of nothing.
 *
 * Runs on `word/document.xml`, `footnotes.xml` and `endnotes.xml` at string level, like
 * reviewMarkupSource.ts.
 */
export const OFFICE_MARKUP_SOURCE = String.raw`
const PAGE_MARK = '\uFDD4'

// Raised / lowered runs without vertAlign → vertAlign; returns the rewritten part.
function positionToVertAlign(xml) {
  return xml.replace(/<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*?)<\/w:rPr>/g, function (whole, inner) {
    if (inner.indexOf('<w:position') < 0 || inner.indexOf('<w:vertAlign') >= 0) return whole
    const m = /<w:position w:val="(-?\d+)"\s*\/>/.exec(inner)
    if (!m || Number(m[1]) === 0) return whole
    const align = Number(m[1]) > 0 ? 'superscript' : 'subscript'
    return '<w:rPr>' + inner.replace(m[0], '<w:vertAlign w:val="' + align + '"/>') + '</w:rPr>'
  })
}

// A page-break mark at the start of every paragraph with w:pageBreakBefore switched on.
function markPageBreaksBefore(xml) {
  return xml.replace(/(<w:p(?:\s[^>]*)?(?<!\/)>\s*<w:pPr>)((?:(?!<\/w:pPr>)[\s\S])*?)(<\/w:pPr>)/g, function (whole, open, inner, close) {
    const m = /<w:pageBreakBefore(?: w:val="([^"]*)")?\s*\/>/.exec(inner)
    if (!m || (m[1] !== undefined && !/^(true|1|on)$/.test(m[1]))) return whole
    return open + inner + close + '<w:r><w:t>' + PAGE_MARK + '</w:t></w:r>'
  })
}

function countMatches(xml, re) {
  return (xml.match(re) || []).length
}

// Rewrites the parts of the opened zip and counts what mammoth will drop.
async function prepareOffice(zip) {
  const dropped = { charts: 0, diagrams: 0, shapes: 0, equations: 0 }
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    if (!zip.exists(name)) continue
    let xml = await zip.read(name, 'utf-8')
    xml = positionToVertAlign(xml)
    if (name === 'word/document.xml') xml = markPageBreaksBefore(xml)
    zip.write(name, xml)
    // Word writes a shape twice (a DrawingML choice and a VML fallback): count the choice only.
    dropped.charts += countMatches(xml, /<a:graphicData\b[^>]*uri="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/chart"/g)
    dropped.diagrams += countMatches(xml, /<a:graphicData\b[^>]*uri="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/diagram"/g)
    dropped.shapes += countMatches(xml, /<wps:wsp\b(?![^>]*\/>)(?:(?!<\/wps:wsp>)[\s\S])*?<\/wps:wsp>/g) - countMatches(xml, /<wps:wsp\b(?:(?!<\/wps:wsp>)[\s\S])*?<wps:txbx\b/g)
    dropped.equations += countMatches(xml, /<m:oMath(?=[\s>])/g)
  }
  return dropped
}
`
