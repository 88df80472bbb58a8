/**
 * Helpers for the review browser tests: selecting words in a section as a person would (a DOM
 * selection, which read-only editors accept too), putting the caret inside a word, the text a
 * thread's highlight covers, and a section's text without the suggestion widgets.
 */
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { sectionBody } from './editor.helpers'

/** Select the first occurrence of `text` in a section body (within one text node). */
export async function selectText(page: Page, sectionId: string, text: string): Promise<void> {
  await sectionBody(page, sectionId).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle)
      if (at < 0 || n.parentElement?.closest('.chorus-suggestion-new, .collaboration-carets__caret')) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + needle.length)
      const sel = document.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      return
    }
    throw new Error(`"${needle}" not found`)
  }, text)
}

/** Put the caret in an editable section body right before (or after) the first occurrence of `text`. */
export async function caretAt(page: Page, sectionId: string, text: string, where: 'before' | 'after'): Promise<void> {
  await sectionBody(page, sectionId).focus()
  await sectionBody(page, sectionId).evaluate((root, [needle, side]) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    let acc = ''
    const nodes: Array<{ node: Text, start: number }> = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('.chorus-suggestion-new, .collaboration-carets__caret')) continue
      nodes.push({ node: n as Text, start: acc.length })
      acc += (n as Text).data
    }
    const at = acc.indexOf(needle!)
    if (at < 0) throw new Error(`"${needle}" not found`)
    const offset = side === 'before' ? at : at + needle!.length
    const target = side === 'before'
      ? nodes.find(x => x.start <= offset && offset < x.start + x.node.data.length)!
      : nodes.find(x => x.start < offset && offset <= x.start + x.node.data.length)!
    const sel = document.getSelection()!
    sel.collapse(target.node, offset - target.start)
  }, [text, where] as const)
}

/** The texts covered by thread highlights in a section, in order (overlapping spans merged per element). */
export function highlightedTexts(page: Page, sectionId: string): Promise<string[]> {
  return sectionBody(page, sectionId).evaluate((root) => {
    const out: string[] = []
    let current = ''
    let last: Element | null = null
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const mark = n.parentElement?.closest('.chorus-comment')
      if (n.parentElement?.closest('.chorus-suggestion-new, .collaboration-carets__caret')) continue
      if (mark) {
        current += (n as Text).data
        last = mark
      } else if (last) {
        out.push(current)
        current = ''
        last = null
      }
    }
    if (last) out.push(current)
    return out
  })
}

/** A section's text as a reader sees it, without suggestion widgets, caret labels or footnote numbers. */
export function readText(page: Page, sectionId: string): Promise<string> {
  return sectionBody(page, sectionId).evaluate((root) => {
    let out = ''
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        out += (node as Text).data
        return
      }
      if (!(node instanceof HTMLElement)) return
      if (node.matches('.collaboration-carets__caret, .footnote-back, .chorus-suggestion-new')) return
      const block = /^(P|H\d|LI|TD|TH)$/.test(node.tagName)
      if (block) out += ' '
      node.childNodes.forEach(walk)
      if (block) out += ' '
    }
    walk(root)
    return out.replace(/\s+/g, ' ').trim()
  })
}

/** The panel's card of the thread whose quote contains `quote`. */
export const threadCard = (page: Page, quote: string) =>
  page.getByTestId('comments-panel').getByTestId('comment-thread').filter({ has: page.getByTestId('comment-quote').filter({ hasText: quote }) })

/** Start a comment on `text` of a section from the selection menu. */
export async function commentOn(page: Page, sectionId: string, text: string, kind: 'comment' | 'suggestion' = 'comment'): Promise<void> {
  await selectText(page, sectionId, text)
  const menu = page.getByTestId('selection-menu')
  await expect(menu).toBeVisible()
  await menu.getByTestId(kind === 'comment' ? 'selection-comment' : 'selection-suggest').click()
  await expect(page.getByTestId('new-thread')).toBeVisible()
}
