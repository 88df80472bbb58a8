/**
 * mammoth's HTML tree → a section body in ProseMirror JSON that `chorusSchema()` accepts.
 * Word Heading 1/2/3+ → heading 2/3/4 (the section title is level 1); lists, tables, links (allowed
 * protocols only), bold/italic/underline/strike, superscript/subscript, page breaks (between body
 * blocks), footnotes and endnotes (as footnotes). What the schema cannot hold (images, internal
 * links, a page break inside a list or table) is dropped or kept as plain text, with a notice.
 */
import { chorusSchema, isAllowedHref } from '#shared/editor/extensions'
import { newFootnoteId } from '#shared/editor/footnotes'
import type { HtmlElement, HtmlNode } from './parseHtml'
import type { PMMark, PMNode } from '../types'
import type { ImportNotice, ImportNoticeCode } from '#shared/importNotices'
import { PICTURE_PLACEHOLDER } from './placeFigures'

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'div', 'pre', 'dl', 'hr'])
/** The number Word showed on a numbered paragraph, written by the worker (see mammothWorkerSource). */
const NUMBER_MARKER = /\uFDD0(\d+)\uFDD1/g
const MARK_TAGS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', del: 'strike', strike: 'strike', sup: 'superscript', sub: 'subscript' }
/** A page break (`w:br w:type="page"`, `w:pageBreakBefore`), written by the worker (officeMarkupSource). */
const PAGE_MARK = '\uFDD4'

/** A paragraph of a Chorus export's cover: its role (the style: kicker, title, label …), text and bold text. */
export interface CoverLine {
  role: string
  text: string
  strong: string
}

/** The body and what was lost on the way. */
export interface HtmlToDocResult {
  doc: PMNode
  notices: ImportNotice[]
  /** A Chorus export's cover, left out of `doc`. */
  cover: CoverLine[]
  /** The first paragraph in Word's Title style (kept in `doc` as a heading too). */
  docTitle: string | null
}

const COVER_CLASS = /^chorus-cover-([a-z]+)$/

/** Converts the tree `parseHtml` made of mammoth's output (`idPrefix` as given to mammoth). */
export function htmlToDoc(root: HtmlElement, idPrefix: string): HtmlToDocResult {
  return new Converter(idPrefix).convert(root)
}

class Converter {
  private readonly warned = new Map<ImportNoticeCode, number>()
  /** mammoth note id (e.g. `footnote-3`) → our footnote id, in order of first reference. */
  private readonly refs = new Map<string, string>()
  private readonly notes = new Map<string, PMNode[]>()
  private readonly markRank: Map<string, number>

  constructor(private readonly idPrefix: string) {
    this.markRank = new Map(Object.keys(chorusSchema().marks).map((name, i) => [name, i]))
  }

  convert(root: HtmlElement): HtmlToDocResult {
    const cover: CoverLine[] = []
    const isCover = (child: HtmlNode) => typeof child !== 'string' && COVER_CLASS.test(child.attrs.class ?? '')
    for (const child of root.children) {
      if (typeof child === 'string' || !isCover(child)) continue
      cover.push({ role: COVER_CLASS.exec(child.attrs.class!)![1]!, text: plainText(child).trim(), strong: strongText(child).trim() })
    }
    const title = root.children.find(c => typeof c !== 'string' && c.attrs.class === 'chorus-doc-title')
    const docTitle = title && typeof title !== 'string' ? plainText(title).trim() || null : null
    const body = root.children.filter(child => !isCover(child) && !(typeof child !== 'string' && this.isNotesList(child)))
    for (const child of root.children) {
      if (typeof child !== 'string' && this.isNotesList(child)) this.readNotes(child)
    }
    const blocks = this.pageBreaks(this.blocks(body))
    const content = blocks.length ? blocks : [{ type: 'paragraph' }]
    const footnotes = [...this.refs].map(([noteId, id]) => ({
      type: 'footnote',
      attrs: { id },
      content: this.notes.get(noteId) ?? [{ type: 'paragraph' }],
    }))
    const unreferenced = [...this.notes.keys()].filter(k => !this.refs.has(k)).length
    if (unreferenced) this.warn('note-unreferenced', unreferenced)
    if (footnotes.length) content.push({ type: 'footnotes', content: footnotes })
    // Page breaks anywhere else (lists, tables, notes) have no place in the schema.
    const stray = stripPageMarks(content)
    if (stray) this.warn('page-breaks-dropped', stray)
    return { doc: { type: 'doc', content }, notices: [...this.warned].map(([code, count]) => ({ code, count })), cover, docTitle }
  }

  /** Note one occurrence (or `times`) of a kind of notice; each kind is reported once, with its count. */
  warn(code: ImportNoticeCode, times = 1): void {
    this.warned.set(code, (this.warned.get(code) ?? 0) + times)
  }

  /** Block content: block elements as blocks, runs of inline content wrapped in paragraphs. */
  private blocks(children: HtmlNode[]): PMNode[] {
    const out: PMNode[] = []
    let inline: HtmlNode[] = []
    const flush = () => {
      const content = this.inline(inline, [])
      if (content.some(n => n.type !== 'text' || n.text!.trim())) out.push(paragraph(content))
      inline = []
    }
    for (const child of children) {
      if (typeof child !== 'string' && BLOCK_TAGS.has(child.tag)) {
        flush()
        out.push(...this.block(child))
      } else {
        inline.push(child)
      }
    }
    flush()
    return out
  }

  private block(el: HtmlElement): PMNode[] {
    switch (el.tag) {
      case 'p':
      case 'pre':
        return [paragraph(this.inline(el.children, []))]
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
        // Word's Heading 1 is the first level inside a section (whose own title is level 1).
        const level = Math.min(4, Number(el.tag[1]) + 1)
        return [{ type: 'heading', attrs: { level }, content: this.inline(el.children, []) }]
      }
      case 'ul':
      case 'ol':
        return this.list(el)
      case 'table':
        return this.table(el)
      case 'blockquote': {
        const inner = this.blocks(el.children)
        return [{ type: 'blockquote', content: inner.length ? inner : [{ type: 'paragraph' }] }]
      }
      case 'hr':
        return []
      default: // div, dl: keep their content
        return this.blocks(el.children)
    }
  }

  private list(el: HtmlElement): PMNode[] {
    const items: PMNode[] = []
    for (const child of el.children) {
      if (typeof child === 'string' || child.tag !== 'li') continue
      const content = this.blocks(child.children)
      if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' })
      items.push({ type: 'listItem', content })
    }
    if (!items.length) return []
    if (el.tag === 'ul') return [{ type: 'bulletList', content: items }]
    const first = el.children.find(c => typeof c !== 'string' && c.tag === 'li')
    const start = first && typeof first !== 'string' ? shownNumber(first) ?? 1 : 1
    return [{ type: 'orderedList', attrs: { start, type: null }, content: items }]
  }

  private table(el: HtmlElement): PMNode[] {
    const rows: PMNode[] = []
    const visit = (node: HtmlElement) => {
      for (const child of node.children) {
        if (typeof child === 'string') continue
        if (child.tag === 'tr') rows.push(this.row(child))
        else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') visit(child)
      }
    }
    visit(el)
    const filled = rows.filter(r => r.content!.length)
    return filled.length ? [{ type: 'table', content: filled }] : []
  }

  private row(tr: HtmlElement): PMNode {
    const cells: PMNode[] = []
    for (const child of tr.children) {
      if (typeof child === 'string' || (child.tag !== 'td' && child.tag !== 'th')) continue
      const content = this.blocks(child.children)
      cells.push({
        type: child.tag === 'th' ? 'tableHeader' : 'tableCell',
        attrs: { colspan: positive(child.attrs.colspan), rowspan: positive(child.attrs.rowspan), colwidth: null },
        content: content.length ? content : [{ type: 'paragraph' }],
      })
    }
    return { type: 'tableRow', content: cells }
  }

  /** Inline content with the marks of the enclosing elements. */
  private inline(children: HtmlNode[], marks: PMMark[]): PMNode[] {
    const out: PMNode[] = []
    for (const child of children) {
      if (typeof child === 'string') {
        pushText(out, child, marks)
        continue
      }
      const ref = child.tag === 'sup' || child.tag === 'sub' ? this.noteReference(child) : null
      const mark = MARK_TAGS[child.tag]
      if (ref) {
        out.push(ref)
      } else if (mark) {
        out.push(...this.inline(child.children, this.withMark(marks, { type: mark })))
      } else if (child.tag === 'br') {
        out.push({ type: 'hardBreak' })
      } else if (child.tag === 'a') {
        out.push(...this.anchor(child, marks))
      } else if (child.tag === 'img') {
        // A picture the worker kept: a placeholder that placeFigures.ts turns into a figure.
        const picture = /^chorus-image:(\d+)$/.exec(child.attrs.src ?? '')
        if (picture) out.push({ type: PICTURE_PLACEHOLDER, attrs: { index: Number(picture[1]) } })
      } else if (BLOCK_TAGS.has(child.tag)) {
        // A block inside inline content (not produced by mammoth): keep its text.
        out.push(...this.inline(child.children, marks))
      } else {
        out.push(...this.inline(child.children, marks))
      }
    }
    return mergeText(out)
  }

  private anchor(a: HtmlElement, marks: PMMark[]): PMNode[] {
    const href = a.attrs.href
    if (href === undefined) return this.inline(a.children, marks) // a bookmark
    const noteRef = this.noteRefId(href)
    if (noteRef) return [this.footnoteReference(noteRef)]
    if (isAllowedHref(href)) return this.inline(a.children, this.withMark(marks, { type: 'link', attrs: { href } }))
    this.warn(href.startsWith('#') ? 'internal-links-plain' : 'unsafe-links-plain')
    return this.inline(a.children, marks)
  }

  /** `<sup><a href="#…footnote-N">[N]</a></sup>` → a footnote reference. */
  private noteReference(sup: HtmlElement): PMNode | null {
    const only = sup.children.filter(c => typeof c !== 'string' || c.trim())
    if (only.length !== 1 || typeof only[0] === 'string' || only[0]!.tag !== 'a') return null
    const id = this.noteRefId(only[0]!.attrs.href ?? '')
    return id ? this.footnoteReference(id) : null
  }

  private noteRefId(href: string): string | null {
    const match = href.startsWith(`#${this.idPrefix}`) ? /^(footnote|endnote)-(\d+)$/.exec(href.slice(1 + this.idPrefix.length)) : null
    return match ? match[0] : null
  }

  private footnoteReference(noteId: string): PMNode {
    if (noteId.startsWith('endnote')) this.warn('endnotes-as-footnotes')
    let id = this.refs.get(noteId)
    if (!id) {
      id = newFootnoteId()
      this.refs.set(noteId, id)
    }
    return { type: 'footnoteReference', attrs: { id } }
  }

  private isNotesList(el: HtmlElement): boolean {
    return el.tag === 'ol' && el.children.length > 0 && el.children.every(c =>
      typeof c !== 'string' && c.tag === 'li' && /^(footnote|endnote)-\d+$/.test((c.attrs.id ?? '').slice(this.idPrefix.length)) && (c.attrs.id ?? '').startsWith(this.idPrefix))
  }

  /** The notes list mammoth appends: each note's paragraphs, without its "↑" back link. */
  private readNotes(ol: HtmlElement): void {
    for (const li of ol.children) {
      if (typeof li === 'string') continue
      const noteId = (li.attrs.id ?? '').slice(this.idPrefix.length)
      const paragraphs = this.blocks(stripBackLinks(li.children, this.idPrefix))
        .map(block => (block.type === 'paragraph' ? trimParagraph(block) : { type: 'paragraph', content: textOf(block) }))
        .filter(block => block.content?.length)
      this.notes.set(noteId, paragraphs.length ? paragraphs : [{ type: 'paragraph' }])
    }
  }

  /**
   * Body blocks with their page-break marks turned into `pageBreak` nodes: a paragraph or heading
   * is split where a mark is (the text before, the break, the text after); parts left empty by
   * the split are dropped, so Word's "break at the end of a paragraph" is one break after it.
   */
  private pageBreaks(blocks: PMNode[]): PMNode[] {
    const out: PMNode[] = []
    for (const block of blocks) {
      if ((block.type === 'bulletList' || block.type === 'orderedList') && hasPageMark(block)) {
        out.push(...splitList(block))
        continue
      }
      if ((block.type !== 'paragraph' && block.type !== 'heading') || !hasPageMark(block)) {
        out.push(block)
        continue
      }
      let part: PMNode[] = []
      const flush = () => {
        const content = mergeText(part)
        if (content.some(n => n.type !== 'text' || n.text!.trim())) out.push({ ...block, content })
        part = []
      }
      for (const node of block.content ?? []) {
        if (node.type !== 'text' || !node.text!.includes(PAGE_MARK)) {
          part.push(node)
          continue
        }
        node.text!.split(PAGE_MARK).forEach((piece, i) => {
          if (i > 0) {
            flush()
            // Two breaks in a row are one: an empty page is never what was meant.
            if (out[out.length - 1]?.type !== 'pageBreak') out.push({ type: 'pageBreak' })
          }
          if (piece) part.push({ ...node, text: piece })
        })
      }
      flush()
    }
    return out
  }

  private withMark(marks: PMMark[], mark: PMMark): PMMark[] {
    const rest = marks.filter(m => m.type !== mark.type)
    // Marks in schema order: ProseMirror's check() refuses any other order.
    return [...rest, mark].sort((a, b) => (this.markRank.get(a.type) ?? 0) - (this.markRank.get(b.type) ?? 0))
  }
}

/**
 * A list whose item starts with a page break ("page break before" on a numbered paragraph) is
 * split there: the items before, the break, the items from there on (numbered on from where they were).
 */
function splitList(list: PMNode): PMNode[] {
  const out: PMNode[] = []
  const start = Number(list.attrs?.start ?? 1)
  let items: PMNode[] = []
  let first = 0
  const flush = () => {
    if (items.length) out.push(list.type === 'orderedList' ? { ...list, attrs: { ...list.attrs, start: start + first }, content: items } : { ...list, content: items })
    items = []
  }
  ;(list.content ?? []).forEach((item, i) => {
    const lead = item.content?.[0]?.content?.[0]
    if (lead?.type === 'text' && lead.text!.startsWith(PAGE_MARK)) {
      const rest = lead.text!.replace(new RegExp(`^${PAGE_MARK}+`), '')
      const paragraph = item.content![0]!
      const content = rest ? [{ ...lead, text: rest }, ...paragraph.content!.slice(1)] : paragraph.content!.slice(1)
      item = { ...item, content: [content.length ? { ...paragraph, content } : { type: paragraph.type }, ...item.content!.slice(1)] }
      flush()
      if (out[out.length - 1]?.type !== 'pageBreak') out.push({ type: 'pageBreak' })
      first = i
    }
    items.push(item)
  })
  flush()
  return out
}

function hasPageMark(node: PMNode): boolean {
  return node.type === 'text' ? node.text!.includes(PAGE_MARK) : (node.content ?? []).some(hasPageMark)
}

/** Removes page-break marks left inside blocks (text nodes emptied by it go); returns how many. */
function stripPageMarks(nodes: PMNode[]): number {
  let n = 0
  for (const node of nodes) {
    if (!node.content) continue
    n += stripPageMarks(node.content)
    const before = node.content.length
    node.content = node.content.flatMap((child) => {
      if (child.type !== 'text' || !child.text!.includes(PAGE_MARK)) return [child]
      n += child.text!.split(PAGE_MARK).length - 1
      const text = child.text!.replaceAll(PAGE_MARK, '')
      return text ? [{ ...child, text }] : []
    })
    if (before && !node.content.length) delete node.content
  }
  return n
}

function paragraph(content: PMNode[]): PMNode {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function positive(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n > 0 ? n : 1
}

/** The number Word showed on a list item (its first text starts with the worker's marker). */
function shownNumber(li: HtmlElement): number | null {
  for (const child of li.children) {
    if (typeof child === 'string') {
      const match = /^\uFDD0(\d+)\uFDD1/.exec(child)
      return match ? Number(match[1]) : null
    }
    if (child.tag === 'ul' || child.tag === 'ol') return null
    if (child.children.length) return shownNumber(child)
  }
  return null
}

function pushText(out: PMNode[], raw: string, marks: PMMark[]): void {
  const text = raw.replace(NUMBER_MARKER, '')
  if (!text) return
  out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text })
}

/** Adjacent text nodes with the same marks become one. */
function mergeText(nodes: PMNode[]): PMNode[] {
  const out: PMNode[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (last?.type === 'text' && node.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      out[out.length - 1] = { ...last, text: last.text! + node.text! }
    } else {
      out.push(node)
    }
  }
  return out
}

function stripBackLinks(children: HtmlNode[], idPrefix: string): HtmlNode[] {
  return children.flatMap((child): HtmlNode[] => {
    if (typeof child === 'string') return [child]
    if (child.tag === 'a' && (child.attrs.href ?? '').startsWith(`#${idPrefix}`) && /-ref-\d+$/.test(child.attrs.href ?? '')) return []
    return [{ ...child, children: stripBackLinks(child.children, idPrefix) }]
  })
}

/** Trims the space Word puts after the note number and mammoth before the back link. */
function trimParagraph(p: PMNode): PMNode {
  const content = [...(p.content ?? [])]
  const first = content[0]
  if (first?.type === 'text') content[0] = { ...first, text: first.text!.replace(/^\s+/, '') }
  const lastIndex = content.length - 1
  const last = content[lastIndex]
  if (last?.type === 'text') content[lastIndex] = { ...last, text: last.text!.replace(/\s+$/, '') }
  const kept = content.filter(n => n.type !== 'text' || n.text)
  return paragraph(kept)
}

function textOf(block: PMNode): PMNode[] {
  const parts: string[] = []
  const walk = (n: PMNode) => {
    if (n.text) parts.push(n.text)
    n.content?.forEach(walk)
  }
  walk(block)
  const text = parts.join(' ').trim()
  return text ? [{ type: 'text', text }] : []
}

/** The text of an element, markers removed (the worker's numbers, page breaks and review markers). */
function plainText(node: HtmlNode): string {
  const raw = typeof node === 'string' ? node : node.children.map(plainText).join('')
  return raw.replace(NUMBER_MARKER, '').replace(/\uFDD2[^\uFDD3]*\uFDD3/g, '').replaceAll(PAGE_MARK, '')
}

/** The bold text of an element (the cover's State party and coalition are written bold). */
function strongText(node: HtmlNode): string {
  if (typeof node === 'string') return ''
  if (node.tag === 'strong' || node.tag === 'b') return plainText(node)
  return node.children.map(strongText).join('')
}
