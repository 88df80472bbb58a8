/**
 * A parser for the HTML mammoth writes, not for HTML at large: mammoth's writer emits only
 * `<tag attr="value">`, `</tag>`, `<tag />` and text escaped as &amp; &lt; &gt; &quot;, always
 * balanced. That small grammar is read exactly here, so the server needs no DOM and no HTML
 * library. Anything outside it (should mammoth change) is kept as text, never executed.
 */

/** An element of the parsed tree. */
export interface HtmlElement {
  tag: string
  attrs: Record<string, string>
  children: HtmlNode[]
}

/** An element or a run of text. */
export type HtmlNode = HtmlElement | string

const TOKEN = /<\/([a-zA-Z][a-zA-Z0-9]*)\s*>|<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/gy
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"/g
const VOID = new Set(['br', 'img', 'hr'])
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' }

/** The element tree of mammoth's HTML, under a root element with tag `#root`. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] }
  const stack: HtmlElement[] = [root]
  TOKEN.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = TOKEN.exec(html)) !== null) {
    const [, closeTag, openTag, attrText, selfClose, text, stray] = match
    const top = stack[stack.length - 1]!
    if (closeTag) {
      const tag = closeTag.toLowerCase()
      const at = stack.map(e => e.tag).lastIndexOf(tag)
      if (at > 0) stack.length = at
    } else if (openTag) {
      const element: HtmlElement = { tag: openTag.toLowerCase(), attrs: parseAttrs(attrText ?? ''), children: [] }
      top.children.push(element)
      if (!selfClose && !VOID.has(element.tag)) stack.push(element)
    } else {
      appendText(top, decodeEntities(text ?? stray ?? ''))
    }
  }
  return root
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const [, name, value] of text.matchAll(ATTR)) attrs[name!.toLowerCase()] = decodeEntities(value!)
  return attrs
}

function appendText(parent: HtmlElement, text: string): void {
  if (!text) return
  const last = parent.children[parent.children.length - 1]
  if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text
  else parent.children.push(text)
}

/** Decodes the entities mammoth writes (and numeric ones, to be safe). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== '#') return NAMED[name]!
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
  })
}
