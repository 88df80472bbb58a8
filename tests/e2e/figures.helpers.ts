/**
 * Helpers for the figures' browser tests: pictures made in the page (a canvas, so the bytes are
 * a real PNG the browser decodes) and handed to the editor as a paste or a drop, and the figures
 * of a section as the server holds them.
 */
import type { JSHandle, Locator, Page } from '@playwright/test'
import type { Account } from '../support/api'
import { sectionBody, serverSection } from './editor.helpers'

/** A DataTransfer in the page holding one PNG of `w` × `h` drawn on a canvas (or an SVG file). */
export function pictureTransfer(page: Page, w: number, h: number, kind: 'png' | 'svg' = 'png'): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(async ([width, height, type]) => {
    const transfer = new DataTransfer()
    if (type === 'svg') {
      transfer.items.add(new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'chart.svg', { type: 'image/svg+xml' }))
      return transfer
    }
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const g = canvas.getContext('2d')!
    g.fillStyle = '#1d4ed8'
    g.fillRect(0, 0, width, height)
    g.fillStyle = '#f59e0b'
    g.fillRect(width / 4, height / 4, width / 2, height / 2)
    const blob = await new Promise<Blob>(resolve => canvas.toBlob(b => resolve(b!), 'image/png'))
    transfer.items.add(new File([blob], `chart-${width}x${height}.png`, { type: 'image/png' }))
    return transfer
  }, [w, h, kind] as const)
}

/** Paste a DataTransfer (files and/or HTML) into a section's editor, as Ctrl+V would. */
export async function pasteInto(page: Page, sectionId: string, transfer: JSHandle<DataTransfer>): Promise<void> {
  await sectionBody(page, sectionId).evaluate((el, data) => {
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, transfer)
}

/** A DataTransfer holding pasted HTML (a web page's `<img>`), no files. */
export function htmlTransfer(page: Page, html: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle((markup) => {
    const transfer = new DataTransfer()
    transfer.setData('text/html', markup)
    return transfer
  }, html)
}

/** Drop a DataTransfer at the end of a section's last paragraph. */
export async function dropInto(page: Page, sectionId: string, transfer: JSHandle<DataTransfer>): Promise<void> {
  const target = sectionBody(page, sectionId).locator('p').last()
  const box = (await target.boundingBox())!
  const at = { clientX: box.x + box.width - 2, clientY: box.y + box.height / 2 }
  await target.dispatchEvent('dragover', { dataTransfer: transfer, ...at })
  await target.dispatchEvent('drop', { dataTransfer: transfer, ...at })
}

/** The figures' attributes and captions in the server's copy of a section. */
export async function serverFigures(baseUrl: string, account: Account, reportId: string, sectionId: string) {
  const { json } = await serverSection(baseUrl, account, reportId, sectionId)
  const out: Array<{ attrs: Record<string, unknown>, caption: string }> = []
  const walk = (node: { type: string, attrs?: Record<string, unknown>, content?: Array<{ type: string, text?: string }> }) => {
    if (node.type === 'figure') out.push({ attrs: node.attrs ?? {}, caption: (node.content ?? []).map(c => c.text ?? '').join('') })
    for (const child of node.content ?? []) walk(child as typeof node)
  }
  walk(json as Parameters<typeof walk>[0])
  return out
}

/** Has the figure's picture loaded (decoded, with the given natural width)? */
export function pictureWidth(img: Locator): Promise<number> {
  return img.evaluate(img => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0))
}
