/**
 * What a reviewer does to a Chorus review copy in Word, done on its XML the way Word writes it:
 * accept or reject tracked changes, track new insertions and deletions, add comments and replies
 * (comments.xml, threaded by commentsExtended.xml's w15:paraIdParent). Tests apply these to files
 * the app exported, then import them back.
 */
import JSZip from 'jszip'

const WORD_DATE = '2027-02-01T10:00:00Z'
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A .docx opened for editing; `save()` gives the edited file. */
export class WordFile {
  private constructor(private readonly zip: JSZip, private readonly parts: Map<string, string>) {}

  static async open(buffer: Buffer): Promise<WordFile> {
    const zip = await JSZip.loadAsync(buffer)
    const parts = new Map<string, string>()
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/commentsExtended.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      const f = zip.file(name)
      if (f) parts.set(name, await f.async('string'))
    }
    return new WordFile(zip, parts)
  }

  get document(): string {
    return this.parts.get('word/document.xml')!
  }

  private set document(xml: string) {
    this.parts.set('word/document.xml', xml)
  }

  /** Accepts the tracked insertion whose text is `text` (its w:ins wrapper goes, the text stays). */
  acceptInsertion(text: string): this {
    this.document = this.document.replace(new RegExp(`<w:ins [^>]*>((?:(?!</w:ins>).)*>${escRe(esc(text))}<(?:(?!</w:ins>).)*)</w:ins>`, 's'), '$1')
    return this
  }

  /** Rejects the tracked insertion whose text is `text` (it goes, with its text). */
  rejectInsertion(text: string): this {
    this.document = this.document.replace(new RegExp(`<w:ins [^>]*>(?:(?!</w:ins>).)*>${escRe(esc(text))}<(?:(?!</w:ins>).)*</w:ins>`, 's'), '')
    return this
  }

  /** Rejects the tracked deletion of `text` (the text stays, as plain text). */
  rejectDeletion(text: string): this {
    this.document = this.document.replace(new RegExp(`<w:del [^>]*>((?:(?!</w:del>).)*>${escRe(esc(text))}<(?:(?!</w:del>).)*)</w:del>`, 's'), (_, inner: string) => inner.replace(/w:delText/g, 'w:t'))
    return this
  }

  /** Tracks an insertion of `text` by `author` right after `after` (within one run of text). */
  trackInsertion(after: string, text: string, author: string, id: number): this {
    this.splitRun(after, (rPr, phrase) => `${run(rPr, phrase)}<w:ins w:id="${id}" w:author="${esc(author)}" w:date="${WORD_DATE}">${run(rPr, text)}</w:ins>`)
    return this
  }

  /** Tracks the deletion of `phrase` (within one run of text; of the footnotes when `inNotes`) by `author`. */
  trackDeletion(phrase: string, author: string, id: number, inNotes = false): this {
    this.splitRun(phrase, (rPr, p) => `<w:del w:id="${id}" w:author="${esc(author)}" w:date="${WORD_DATE}">${run(rPr, p).replace(/w:t /, 'w:delText ').replace('</w:t>', '</w:delText>')}</w:del>`, inNotes ? 'word/footnotes.xml' : 'word/document.xml')
    return this
  }

  /**
   * Tracks Enter pressed by `author` right after `after` (within one run of text), as Word writes
   * it: the paragraph ends there and its mark carries `w:ins`; the rest of its text starts a new
   * paragraph with the same properties.
   */
  trackParagraphSplit(after: string, author: string, id: number): this {
    const SPLIT = '\u0000'
    this.splitRun(after, (rPr, phrase) => `${run(rPr, phrase)}${SPLIT}`)
    const xml = this.document
    const at = xml.indexOf(SPLIT)
    const pStart = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at))
    const pPr = /^<w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr>/s.exec(xml.slice(xml.indexOf('>', pStart) + 1))?.[1] ?? ''
    const head = markParagraph(xml.slice(pStart, at), `<w:ins w:id="${id}" w:author="${esc(author)}" w:date="${WORD_DATE}"/>`)
    const nextPPr = pPr.replace(/<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>/s, '')
    this.document = `${xml.slice(0, pStart)}${head}</w:p><w:p><w:pPr>${nextPPr}</w:pPr>${xml.slice(at + 1)}`
    return this
  }

  /** Tracks the deletion by `author` of the paragraph mark before the paragraph that starts with `start` (Backspace there, in Word). */
  trackParagraphJoin(start: string, author: string, id: number): this {
    const xml = this.document
    const at = xml.indexOf(`>${esc(start)}`)
    if (at < 0) throw new Error(`no text "${start}"`)
    const pStart = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at))
    const prevEnd = xml.lastIndexOf('</w:p>', pStart)
    const prevStart = Math.max(xml.lastIndexOf('<w:p>', prevEnd), xml.lastIndexOf('<w:p ', prevEnd))
    const marked = markParagraph(xml.slice(prevStart, prevEnd), `<w:del w:id="${id}" w:author="${esc(author)}" w:date="${WORD_DATE}"/>`)
    this.document = xml.slice(0, prevStart) + marked + xml.slice(prevEnd)
    return this
  }

  /** Adds a comment (and replies) on `phrase` (within one run of text); ids from `id` on. */
  comment(phrase: string, id: number, comment: { author: string, text: string }, replies: Array<{ author: string, text: string }> = []): this {
    this.splitRun(phrase, (rPr, p) => `<w:commentRangeStart w:id="${id}"/>${run(rPr, p)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`)
    this.addComment(id, comment, null)
    replies.forEach((r, k) => this.addComment(id + 1 + k, r, paraId(id)))
    return this
  }

  /** Adds a reply, in Word's threading, to the comment with id `parentId` (giving it a paragraph id if it has none, as Word does). */
  reply(parentId: number, id: number, reply: { author: string, text: string }): this {
    const comments = this.parts.get('word/comments.xml')!
    const parent = new RegExp(`(<w:comment w:id="${parentId}"[^>]*>(?:(?!</w:comment>).)*)<w:p>((?:(?!<w:p>|</w:comment>).)*</w:p></w:comment>)`, 's')
    if (parent.test(comments)) {
      this.parts.set('word/comments.xml', comments.replace(parent, `$1<w:p w14:paraId="${paraId(parentId)}" w14:textId="${paraId(parentId)}">$2`))
      const ex = this.parts.get('word/commentsExtended.xml') ?? this.addCommentsExtended()
      this.parts.set('word/commentsExtended.xml', ex.replace('</w15:commentsEx>', `<w15:commentEx w15:paraId="${paraId(parentId)}" w15:done="0"/></w15:commentsEx>`))
    }
    this.addComment(id, reply, paraId(parentId))
    return this
  }

  async save(): Promise<Buffer> {
    for (const [name, xml] of this.parts) this.zip.file(name, xml)
    return this.zip.generateAsync({ type: 'nodebuffer' })
  }

  private addComment(id: number, c: { author: string, text: string }, parent: string | null): void {
    const comments = this.parts.get('word/comments.xml') ?? this.addPart('comments', '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"></w:comments>',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments')
    const xml = `<w:comment w:id="${id}" w:author="${esc(c.author)}" w:date="${WORD_DATE}" w:initials="W"><w:p w14:paraId="${paraId(id)}" w14:textId="${paraId(id)}"><w:r><w:t xml:space="preserve">${esc(c.text)}</w:t></w:r></w:p></w:comment>`
    this.parts.set('word/comments.xml', comments.replace('</w:comments>', `${xml}</w:comments>`))
    const ex = this.parts.get('word/commentsExtended.xml') ?? this.addCommentsExtended()
    const entry = `<w15:commentEx w15:paraId="${paraId(id)}"${parent ? ` w15:paraIdParent="${parent}"` : ''} w15:done="0"/>`
    this.parts.set('word/commentsExtended.xml', ex.replace('</w15:commentsEx>', `${entry}</w15:commentsEx>`))
  }

  /** Word's threading part, as Word adds it to a file that had none. */
  private addCommentsExtended(): string {
    return this.addPart('commentsExtended', '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"></w15:commentsEx>',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml', 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended')
  }

  /** A new part word/<name>.xml, registered in the content types and the document's relationships. */
  private addPart(name: string, root: string, contentType: string, relType: string): string {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${root}`
    const types = this.parts.get('[Content_Types].xml')!
    this.parts.set('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/word/${name}.xml" ContentType="${contentType}"/></Types>`))
    const rels = this.parts.get('word/_rels/document.xml.rels')!
    this.parts.set('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rId_${name}" Type="${relType}" Target="${name}.xml"/></Relationships>`))
    this.parts.set(`word/${name}.xml`, xml)
    return xml
  }

  /** Splits the run holding `phrase` into before / phrase / after; `middle` writes the phrase part. */
  private splitRun(phrase: string, middle: (rPr: string, phrase: string) => string, part = 'word/document.xml'): void {
    const xml = this.parts.get(part)!
    const re = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t xml:space="preserve">((?:(?!</w:t>).)*?)${escRe(esc(phrase))}((?:(?!</w:t>).)*)</w:t></w:r>`, 's')
    const m = re.exec(xml)
    if (!m) throw new Error(`"${phrase}" is not within one run of ${part}`)
    const [whole, rPr = '', before, after] = m as unknown as [string, string | undefined, string, string]
    const replaced = `${before ? runXml(rPr, before) : ''}${middle(rPr, phrase)}${after ? runXml(rPr, after) : ''}`
    this.parts.set(part, xml.slice(0, m.index) + replaced + xml.slice(m.index + whole.length))
  }
}

/** A paragraph (from its <w:p> on) whose mark gets the tracked change `change` (first in the mark's run properties, as Word orders them). */
function markParagraph(paragraph: string, change: string): string {
  const openEnd = paragraph.indexOf('>') + 1
  const pPr = /^<w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr>/s.exec(paragraph.slice(openEnd))
  if (!pPr) return `${paragraph.slice(0, openEnd)}<w:pPr><w:rPr>${change}</w:rPr></w:pPr>${paragraph.slice(openEnd)}`
  const props = pPr[1]!.includes('<w:rPr>') ? pPr[1]!.replace('<w:rPr>', `<w:rPr>${change}`) : `${pPr[1]}<w:rPr>${change}</w:rPr>`
  return `${paragraph.slice(0, openEnd)}<w:pPr>${props}</w:pPr>${paragraph.slice(openEnd + pPr[0].length)}`
}

/** The paragraph id docx gives the comment with id `id` (and that a reply names as its parent). */
export function paraId(id: number): string {
  return (id + 1).toString(16).toUpperCase().padStart(8, '0')
}

function run(rPr: string, text: string): string {
  return runXml(rPr, esc(text))
}

function runXml(rPr: string, escaped: string): string {
  return `<w:r>${rPr}<w:t xml:space="preserve">${escaped}</w:t></w:r>`
}

function escRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
