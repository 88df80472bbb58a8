/**
 * `table` → a Word table with single borders across the text width. A row of `tableHeader` cells
 * becomes a header row that repeats on every page; header cells are shaded and bold (Table Heading style).
 */
import { D, type DocxDesc } from '../docxDesc'
import { renderBlocks } from '../blocks'
import { nodeSize } from '../positions'
import { STYLE } from '../styles'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Text width of an A4 page with 2.5 cm margins, in twips. */
export const TEXT_WIDTH = 11906 - 2 * 1418

const border = { style: 'single' as const, size: 4, color: '000000' }

/** Renders a table node at position `pos` of the section doc. */
export function renderTable(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const rows = (node.content ?? []).filter(r => r.type === 'tableRow' && r.content?.length)
  if (!rows.length) return []
  const widths = columnWidths(rows)
  const cellEnv: BlockEnv = { ...env, top: false, depth: 0, inTable: true, indent: undefined }
  let rowPos = pos + 1
  const tableRows: DocxDesc[] = []
  for (const row of node.content ?? []) {
    if (!rows.includes(row)) {
      rowPos += nodeSize(row)
      continue
    }
    const header = row.content!.every(c => c.type === 'tableHeader')
    let cellPos = rowPos + 1
    let column = 0
    const cells: DocxDesc[] = []
    for (const cell of row.content!) {
      const span = Math.max(1, Number(cell.attrs?.colspan ?? 1))
      const isHeader = cell.type === 'tableHeader'
      const style = isHeader ? STYLE.tableHeader : STYLE.tableText
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0)
      const blocks = renderBlocks(cell.content, cellPos + 1, ctx, { ...cellEnv, style, widthTwips: width - 200 })
      cells.push(D.TableCell({
        children: blocks.length ? blocks : [D.Paragraph({ style })],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: Number(cell.attrs?.rowspan ?? 1) > 1 ? Number(cell.attrs?.rowspan) : undefined,
        width: { size: width, type: 'dxa' },
        shading: isHeader ? { type: 'clear', color: 'auto', fill: 'E7E6E6' } : undefined,
        margins: { top: 40, bottom: 40, left: 100, right: 100 },
      }))
      column += span
      cellPos += nodeSize(cell)
    }
    tableRows.push(D.TableRow({ children: cells, tableHeader: header, cantSplit: true }))
    rowPos += nodeSize(row)
  }
  return [D.Table({
    rows: tableRows,
    width: { size: TEXT_WIDTH, type: 'dxa' },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  })]
}

/** Column widths from the first row's `colwidth` (pixels) when set, else equal; always the text width in total. */
function columnWidths(rows: PMNode[]): number[] {
  const count = Math.max(...rows.map(r => (r.content ?? []).reduce((n, c) => n + Math.max(1, Number(c.attrs?.colspan ?? 1)), 0)))
  const px: number[] = []
  for (const cell of rows[0]!.content ?? []) {
    const span = Math.max(1, Number(cell.attrs?.colspan ?? 1))
    const cw = Array.isArray(cell.attrs?.colwidth) ? (cell.attrs.colwidth as unknown[]) : []
    for (let i = 0; i < span; i++) px.push(Number(cw[i]) > 0 ? Number(cw[i]) : 0)
  }
  while (px.length < count) px.push(0)
  const known = px.filter(w => w > 0)
  const fallback = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1
  const raw = px.slice(0, count).map(w => (w > 0 ? w : fallback))
  const total = raw.reduce((a, b) => a + b, 0)
  return raw.map(w => Math.floor((w / total) * TEXT_WIDTH))
}
