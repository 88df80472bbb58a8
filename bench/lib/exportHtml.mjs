/**
 * ProseMirror JSON of a report → one HTML page, the input pandoc gets in bench/export.mjs.
 * Footnotes become pandoc-style note links and an end list (pandoc's HTML reader keeps them as
 * links and a list, not as Word footnotes: it has no HTML footnote syntax).
 */
const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The whole report as HTML. */
export function exportHtml(input) {
  const notes = []
  const body = input.sections.map(section => `<h1>${esc(section.title)}</h1>\n${blocks(section.content.content ?? [], notes, section)}`).join('\n')
  const list = notes.map((n, i) => `<li id="fn${i + 1}">${blocks(n.content ?? [], notes)}</li>`).join('\n')
  return `<!DOCTYPE html><html lang="${esc(input.meta.language)}"><head><meta charset="utf-8"><title>${esc(input.meta.title)}</title></head><body>\n${body}\n<section class="footnotes"><ol>${list}</ol></section></body></html>\n`
}

function blocks(nodes, notes, section) {
  return nodes.map(n => block(n, notes, section)).join('\n')
}

function block(node, notes, section) {
  const inner = () => blocks(node.content ?? [], notes, section)
  switch (node.type) {
    case 'paragraph': return `<p>${inline(node.content ?? [], notes, section)}</p>`
    case 'heading': return `<h${node.attrs.level}>${inline(node.content ?? [], notes, section)}</h${node.attrs.level}>`
    case 'bulletList': return `<ul>${inner()}</ul>`
    case 'orderedList': return `<ol start="${node.attrs?.start ?? 1}">${inner()}</ol>`
    case 'listItem': return `<li>${inner()}</li>`
    case 'blockquote': return `<blockquote>${inner()}</blockquote>`
    case 'table': return `<table>${inner()}</table>`
    case 'tableRow': return `<tr>${inner()}</tr>`
    case 'tableHeader': return `<th>${inner()}</th>`
    case 'tableCell': return `<td>${inner()}</td>`
    case 'footnotes': return ''
    default: return inner()
  }
}

function inline(nodes, notes, section) {
  return nodes.map((n) => {
    if (n.type === 'hardBreak') return '<br>'
    if (n.type === 'footnoteReference') {
      const note = findNote(section, n.attrs.id)
      notes.push(note ?? { content: [] })
      const k = notes.length
      return `<a href="#fn${k}" class="footnote-ref" id="fnref${k}"><sup>${k}</sup></a>`
    }
    let html = esc(n.text ?? '')
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') html = `<strong>${html}</strong>`
      else if (m.type === 'italic') html = `<em>${html}</em>`
      else if (m.type === 'underline') html = `<u>${html}</u>`
      else if (m.type === 'strike') html = `<s>${html}</s>`
      else if (m.type === 'link') html = `<a href="${esc(m.attrs.href)}">${html}</a>`
    }
    return html
  }).join('')
}

function findNote(section, id) {
  for (const block of section?.content.content ?? []) {
    if (block.type === 'footnotes') return block.content.find(n => n.attrs.id === id)
  }
  return undefined
}
