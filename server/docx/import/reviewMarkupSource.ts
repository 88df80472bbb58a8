/**
 * Part of the parsing worker's source (appended to mammothWorkerSource.ts): what mammoth does not
 * read. mammoth keeps the text of Word's tracked insertions as plain text, drops tracked deletions
 * and ignores comment ranges, so before mammoth sees the file this rewrites `word/document.xml`,
 * `footnotes.xml` and `endnotes.xml` (string level, no DOM — the parts can be megabytes):
 *
 * - `w:ins` / `w:moveTo` and `w:del` / `w:moveFrom` around runs are unwrapped (deleted text becomes
 *   `w:t`), with a marker run before and after: U+FDD2 + code + U+FDD3, code `i<n>` … `/i<n>`
 *   (insertion n), `d<n>` … `/d<n>` (deletion n);
 * - `w:commentRangeStart` / `w:commentRangeEnd` become `c<id>` / `/c<id>` markers (a range that
 *   starts or ends between paragraphs is moved into the next / previous paragraph);
 * - a `_Chorus_s<k>` bookmark (a Chorus section title, see export/sectionTitle.ts) becomes `s<k>`;
 * - a tracked change on a paragraph MARK (`<w:ins/>` / `<w:del/>` in the paragraph's own run
 *   properties: the break after this paragraph was inserted / deleted) becomes `bi<n>` / `bd<n>` at
 *   the start of the NEXT paragraph, which is where the editor keeps a suggested break
 *   (`suggestedSplit` / `suggestedJoin` on the paragraph after it).
 *
 * htmlToDoc keeps the markers as text; reviewMarkers.ts turns them into marks and comment ranges.
 * It also reads comments.xml (author, date, text) and commentsExtended.xml (reply threading,
 * resolved) and the Chorus export's custom properties. Formatting changes (`w:rPrChange`,
 * `w:pPrChange`) are left as they are: text and paragraph breaks are what is tracked.
 */
export const REVIEW_MARKUP_SOURCE = String.raw`
const OPEN = '\uFDD2'
const CLOSE = '\uFDD3'
const TOKEN = /<w:p\b[^>]*?\/>|<w:p\b[^>]*>|<\/w:p>|<w:(ins|del|moveFrom|moveTo)\b([^>]*?)(\/?)>|<\/w:(ins|del|moveFrom|moveTo)>|<w:delText\b|<\/w:delText>|<w:commentRange(Start|End)\b[^>]*\/>|<w:bookmarkStart\b[^>]*\/>/g

function attr(tag, name) {
  const m = new RegExp(name + '="([^"]*)"').exec(tag)
  return m ? unescapeXml(m[1]) : ''
}

function unescapeXml(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, function (_, n) { return String.fromCodePoint(Number(n)) }).replace(/&amp;/g, '&')
}

function markerRun(code) {
  return '<w:r><w:t xml:space="preserve">' + OPEN + code + CLOSE + '</w:t></w:r>'
}

// Rewrites one part; new tracked changes are appended to 'changes' ({ kind, author, date }).
function rewritePart(xml, changes) {
  const out = []
  const stack = []
  let inParagraph = false
  let pendingStarts = []
  let lastParagraphEnd = -1
  // The tracked change on the current paragraph's mark, if any (a self-closing w:ins/w:del inside
  // a paragraph can only be in its mark's run properties: runs are wrapped, never marked so).
  let markChange = null
  let last = 0
  let m
  TOKEN.lastIndex = 0
  while ((m = TOKEN.exec(xml))) {
    out.push(xml.slice(last, m.index))
    last = TOKEN.lastIndex
    const tag = m[0]
    if (tag.startsWith('<w:p') && !tag.endsWith('/>') && /^<w:p[ >]/.test(tag)) {
      inParagraph = true
      markChange = null
      out.push(tag)
      if (pendingStarts.length) out.push(pendingStarts.join(''))
      pendingStarts = []
    } else if (tag === '</w:p>') {
      inParagraph = false
      lastParagraphEnd = out.length
      out.push(tag)
      if (markChange) pendingStarts.push(markerRun(markChange))
      markChange = null
    } else if (m[1]) {
      if (m[3] === '/' && inParagraph && (m[1] === 'ins' || m[1] === 'del')) {
        const n = changes.length
        changes.push({ kind: m[1] === 'ins' ? 'insertion' : 'deletion', author: attr(tag, 'w:author'), date: attr(tag, 'w:date') })
        markChange = (m[1] === 'ins' ? 'bi' : 'bd') + n
        // Not passed on: mammoth would join the paragraph to the next for a deleted mark.
        continue
      }
      if (m[3] === '/' || !inParagraph) {
        stack.push(null)
        out.push(tag)
        continue
      }
      const kind = m[1] === 'ins' || m[1] === 'moveTo' ? 'i' : 'd'
      const n = changes.length
      changes.push({ kind: kind === 'i' ? 'insertion' : 'deletion', author: attr(tag, 'w:author'), date: attr(tag, 'w:date') })
      stack.push(kind + n)
      out.push(markerRun(kind + n))
    } else if (m[4]) {
      const code = stack.pop()
      out.push(code ? markerRun('/' + code) : tag)
    } else if (tag === '<w:delText') {
      out.push('<w:t')
    } else if (tag === '</w:delText>') {
      out.push('</w:t>')
    } else if (m[5]) {
      const code = (m[5] === 'Start' ? 'c' : '/c') + attr(tag, 'w:id')
      if (inParagraph) out.push(markerRun(code))
      else if (m[5] === 'Start') pendingStarts.push(markerRun(code))
      else if (lastParagraphEnd >= 0) out.splice(lastParagraphEnd, 0, markerRun(code)), lastParagraphEnd++
    } else {
      const name = attr(tag, 'w:name')
      const section = /^_Chorus_s(\d+)$/.exec(name)
      out.push(tag)
      if (section && inParagraph) out.push(markerRun('s' + section[1]))
    }
  }
  out.push(xml.slice(last))
  return out.join('')
}

// Word comments: { id, author, date, text, paraId } and, from commentsExtended, parent and done.
function readComments(commentsXml, extendedXml) {
  const comments = []
  const byParaId = {}
  const re = /<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g
  let m
  while ((m = re.exec(commentsXml || ''))) {
    const paragraphs = m[2].match(/<w:p\b[\s\S]*?<\/w:p>/g) || []
    const text = paragraphs.map(function (p) {
      return (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) || []).map(function (t) { return unescapeXml(t.replace(/<[^>]+>/g, '')) }).join('')
    }).join('\n').trim()
    const lastPara = paragraphs.length ? paragraphs[paragraphs.length - 1] : ''
    const paraId = attr(lastPara.slice(0, lastPara.indexOf('>')), 'w14:paraId')
    const comment = { id: attr(m[1], 'w:id'), author: attr(m[1], 'w:author'), date: attr(m[1], 'w:date'), text: text, parentId: null, done: false }
    comments.push(comment)
    if (paraId) byParaId[paraId] = comment
  }
  const ex = /<w15:commentEx\b([^>]*)\/?>/g
  while ((m = ex.exec(extendedXml || ''))) {
    const comment = byParaId[attr(m[1], 'w15:paraId')]
    if (!comment) continue
    const parent = byParaId[attr(m[1], 'w15:paraIdParent')]
    if (parent && parent !== comment) comment.parentId = parent.id
    comment.done = attr(m[1], 'w15:done') === '1'
  }
  return comments
}

// The Chorus export's custom properties (section ids by bookmark number), if this is one.
function readChorusProperties(customXml) {
  const m = /<property\b[^>]*name="ChorusSections"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/.exec(customXml || '')
  if (!m) return null
  try {
    const sections = JSON.parse(unescapeXml(m[1]))
    return Array.isArray(sections) ? sections.filter(function (s) { return typeof s === 'string' }) : null
  } catch (error) {
    return null
  }
}

// Rewrites the parts of the opened zip (mammoth's own zipfile) and reads the review data.
async function prepareReview(zip) {
  const changes = []
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    if (zip.exists(name)) zip.write(name, rewritePart(await zip.read(name, 'utf-8'), changes))
  }
  const read = function (name) { return zip.exists(name) ? zip.read(name, 'utf-8') : Promise.resolve('') }
  const comments = readComments(await read('word/comments.xml'), await read('word/commentsExtended.xml'))
  return { changes: changes, comments: comments, chorusSections: readChorusProperties(await read('docProps/custom.xml')) }
}
`
