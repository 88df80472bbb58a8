/**
 * Word's pictures become figures. htmlToDoc leaves a placeholder node where each picture was
 * (`chorus-image:N` from the worker, pictureMarkupSource.ts); here each placeholder whose picture
 * passed the checks (importedPictures.ts) becomes a `figure` block: the paragraph around it is split
 * (text before and after stay paragraphs), the size Word showed it at is kept, and a caption next to
 * it — a paragraph in a caption style (marked U+FDDA by the worker) or starting "Figure 3." — becomes
 * the figure's caption, without its label (numbers are the report's own). Pictures that cannot be a
 * figure (refused bytes, or inside a heading or a note) are left out and counted.
 */
import type { PMNode } from '../types'

/** The node type htmlToDoc writes for a picture (never reaches the schema). */
export const PICTURE_PLACEHOLDER = 'chorusPicture'

/** The mark the worker puts in front of a paragraph in a caption style. */
const CAPTION_MARK = '\uFDDA'

const LABEL_WORD = String.raw`(?:figure|fig\.?|chart|graph|graphique|figura|gráfico|рисунок|рис\.?|диаграмма|şəkil|qrafik)`
/** A label in front of a caption's text: "Figure 3.", "Fig. 2:", "Рисунок 1 –", "Şəkil 4." … */
const CAPTION_LABEL = new RegExp(String.raw`^\s*${LABEL_WORD}\s*\d+(?:[.-]\d+)*\s*[.:\-–—]?\s*`, 'i')
/**
 * The same in a caption-styled paragraph, where the number may be missing: mammoth drops a simple
 * field's cached result (w:fldSimple, as Chorus's own export writes SEQ Figure), leaving "Figure . ".
 */
const STYLED_LABEL = new RegExp(String.raw`^\s*${LABEL_WORD}(?=[\s\d.:])\s*(?:\d+(?:[.-]\d+)*)?\s*[.:\-–—]?\s*`, 'i')

/** The text column of the export's A4 page in CSS px: a picture as wide or wider is "fit the column" (width null). */
const COLUMN_PX = 604
const MIN_WIDTH_PX = 48
const EMU_PER_PX = 9525

/** A picture that may become a figure. */
export interface PlaceablePicture {
  sha256: string
  width: number
  height: number
  /** Shown size in Word, EMU; 0 when unknown. */
  cx: number
  alt: string
}

/** The document with figures, which pictures they use, and how many pictures were left out. */
export interface PlacedFigures {
  doc: PMNode
  used: Set<number>
  leftOut: number
}

/** Turn the picture placeholders of `doc` into figures; `pictures[i]` is null when picture i was refused. */
export function placeFigures(doc: PMNode, pictures: Array<PlaceablePicture | null>): PlacedFigures {
  const state: PlacedFigures = { doc, used: new Set(), leftOut: 0 }
  state.doc = stripCaptionMarks({ ...doc, content: blockList(doc.content ?? [], pictures, state) })
  return state
}

/** Containers whose children are blocks, where a figure may stand. */
const BLOCK_CONTAINERS = new Set(['doc', 'blockquote', 'listItem', 'tableCell', 'tableHeader'])

function blockList(blocks: PMNode[], pictures: Array<PlaceablePicture | null>, state: PlacedFigures): PMNode[] {
  const out: PMNode[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph' && hasPlaceholder(block)) out.push(...splitParagraph(block, pictures, state))
    else out.push(descend(block, pictures, state))
  }
  return attachCaptions(out)
}

/** Anything that is not a paragraph with pictures: recurse; placeholders where a figure cannot go are dropped. */
function descend(node: PMNode, pictures: Array<PlaceablePicture | null>, state: PlacedFigures): PMNode {
  if (!node.content) return node
  if (BLOCK_CONTAINERS.has(node.type) || node.type === 'table' || node.type === 'tableRow' || node.type === 'bulletList' || node.type === 'orderedList') {
    const content = BLOCK_CONTAINERS.has(node.type) ? blockList(node.content, pictures, state) : node.content.map(c => descend(c, pictures, state))
    return { ...node, content }
  }
  // Headings, footnotes and the like: no figure there.
  return { ...node, content: node.content.map(c => descend(c, pictures, state)).filter((c) => {
    if (c.type !== PICTURE_PLACEHOLDER) return true
    state.leftOut++
    return false
  }) }
}

function hasPlaceholder(p: PMNode): boolean {
  return (p.content ?? []).some(n => n.type === PICTURE_PLACEHOLDER)
}

/** A paragraph with pictures → its text before, a figure per picture, its text after. */
function splitParagraph(p: PMNode, pictures: Array<PlaceablePicture | null>, state: PlacedFigures): PMNode[] {
  const out: PMNode[] = []
  let run: PMNode[] = []
  const flush = () => {
    const content = trimBreaks(run)
    if (content.some(n => n.type !== 'text' || n.text!.replace(CAPTION_MARK, '').trim())) out.push({ ...p, content })
    run = []
  }
  for (const node of p.content ?? []) {
    if (node.type !== PICTURE_PLACEHOLDER) {
      run.push(node)
      continue
    }
    const index = Number(node.attrs?.index)
    const picture = pictures[index]
    if (!picture) {
      state.leftOut++
      continue
    }
    flush()
    state.used.add(index)
    out.push(figureNode(picture))
  }
  flush()
  return out
}

function figureNode(picture: PlaceablePicture): PMNode {
  const shown = picture.cx > 0 ? Math.round(picture.cx / EMU_PER_PX) : picture.width
  return {
    type: 'figure',
    attrs: {
      refId: null,
      imageId: picture.sha256,
      alt: picture.alt.trim(),
      width: shown >= COLUMN_PX ? null : Math.max(MIN_WIDTH_PX, shown),
      align: 'center',
      naturalWidth: picture.width,
      naturalHeight: picture.height,
    },
    content: [],
  }
}

/** A caption-styled or "Figure N." paragraph right after a figure (else right before it) becomes its caption. */
function attachCaptions(blocks: PMNode[]): PMNode[] {
  const taken = new Set<number>()
  blocks.forEach((block, i) => {
    if (block.type !== 'figure') return
    const after = blocks[i + 1]
    const before = blocks[i - 1]
    const pick = after && !taken.has(i + 1) && isCaption(after) ? i + 1 : before && !taken.has(i - 1) && before.type === 'paragraph' && isCaption(before, true) ? i - 1 : -1
    if (pick < 0) return
    taken.add(pick)
    blocks[i] = { ...block, content: captionContent(blocks[pick]!) }
  })
  return blocks.filter((_, i) => !taken.has(i))
}

function isCaption(block: PMNode, strict = false): boolean {
  if (block.type !== 'paragraph') return false
  const text = leadingText(block)
  const styled = text.startsWith(CAPTION_MARK)
  const labelled = CAPTION_LABEL.test(text.replace(CAPTION_MARK, ''))
  // Before a figure only a labelled caption counts (a caption-styled paragraph there is usually another figure's).
  return strict ? labelled : styled || labelled
}

function leadingText(block: PMNode): string {
  const first = block.content?.find(n => n.type === 'text')
  return first?.text ?? ''
}

/** The caption's inline content without the style mark and the label. */
function captionContent(p: PMNode): PMNode[] {
  const content = [...(p.content ?? [])]
  const i = content.findIndex(n => n.type === 'text')
  if (i >= 0) {
    const raw = content[i]!.text!
    const text = raw.startsWith(CAPTION_MARK) ? raw.slice(1).replace(STYLED_LABEL, '') : raw.replace(CAPTION_LABEL, '')
    if (text) content[i] = { ...content[i]!, text }
    else content.splice(i, 1)
  }
  return trimBreaks(content)
}

/** Takes the worker's caption marks out of every paragraph that did not become a caption. */
function stripCaptionMarks(node: PMNode): PMNode {
  if (!node.content) return node
  const content = node.content
    .map(n => (n.type === 'text' ? (n.text!.includes(CAPTION_MARK) ? { ...n, text: n.text!.replaceAll(CAPTION_MARK, '') } : n) : stripCaptionMarks(n)))
    .filter(n => n.type !== 'text' || n.text)
  return { ...node, content }
}

/** Line breaks left at either end once a picture is taken out of the paragraph. */
function trimBreaks(nodes: PMNode[]): PMNode[] {
  let start = 0
  let end = nodes.length
  while (start < end && nodes[start]!.type === 'hardBreak') start++
  while (end > start && nodes[end - 1]!.type === 'hardBreak') end--
  return nodes.slice(start, end)
}
