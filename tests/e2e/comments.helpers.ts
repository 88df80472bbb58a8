/**
 * Helpers for the review browser tests: selecting words in a section as a person would (a DOM
 * selection, which read-only editors accept too), putting the caret before or after a word (by
 * clicking there) and the text a thread's highlight covers.
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

/**
 * Put the caret in an editable section body right before (or after) the first occurrence of
 * `text`, by clicking there as a person would. (Setting the DOM selection from a script is not
 * enough while others type: the editor reads it only on the next selectionchange event, and a
 * remote change landing first writes the old caret back.) Clicks again until the caret is there.
 */
export async function caretAt(page: Page, sectionId: string, text: string, where: 'before' | 'after'): Promise<void> {
  const body = sectionBody(page, sectionId)
  await expect(async () => {
    const point = await body.evaluate((root, [needle, side]) => {
      const { nodes, text } = readableTextNodes(root)
      const at = text.indexOf(needle!)
      if (at < 0) throw new Error(`"${needle}" not found in "${text}"`)
      // The character next to the wanted caret position, and the half of it to click.
      const char = side === 'before' ? at : at + needle!.length - 1
      const hit = nodes.find(x => x.start <= char && char < x.start + x.node.data.length)!
      const range = document.createRange()
      range.setStart(hit.node, char - hit.start)
      range.setEnd(hit.node, char - hit.start + 1)
      const box = range.getBoundingClientRect()
      return { x: side === 'before' ? box.left + box.width * 0.25 : box.right - box.width * 0.25, y: box.top + box.height / 2 }

      function readableTextNodes(root: Element) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        const nodes: Array<{ node: Text, start: number }> = []
        let text = ''
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('.chorus-suggestion-new, .collaboration-carets__caret')) continue
          nodes.push({ node: n as Text, start: text.length })
          text += (n as Text).data
        }
        return { nodes, text }
      }
    }, [text, where] as const)
    await page.mouse.click(point.x, point.y)
    // The caret sits where it should: the text before it ends with (or reaches up to) `text`.
    const caret = await body.evaluate((root, [needle, side]) => {
      const sel = document.getSelection()
      if (!sel?.isCollapsed || !sel.anchorNode || !root.contains(sel.anchorNode)) return 'no caret in the section'
      const part = document.createRange()
      if (side === 'before') part.setStart(sel.anchorNode, sel.anchorOffset)
      else part.setStart(root, 0)
      if (side === 'before') part.setEnd(root, root.childNodes.length)
      else part.setEnd(sel.anchorNode, sel.anchorOffset)
      const copy = part.cloneContents()
      copy.querySelectorAll('.chorus-suggestion-new, .collaboration-carets__caret').forEach(el => el.remove())
      const text = copy.textContent ?? ''
      return side === 'before' ? text.startsWith(needle!) : text.endsWith(needle!)
    }, [text, where] as const)
    expect(caret, `caret ${where} "${text}"`).toBe(true)
  }).toPass({ timeout: 10_000 })
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
