/**
 * Helpers for the suggestions browser tests: switching to Suggesting mode, reading what a
 * section shows as suggested, and running axe-core (from node_modules, no network) on a page.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { sectionBody } from './editor.helpers'

/** Switch the toolbar to Suggesting (or Editing) and check that it says so. */
export async function setMode(page: Page, mode: 'suggesting' | 'editing'): Promise<void> {
  const button = page.getByTestId('mode-switch').locator(`[data-mode="${mode}"]`)
  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
}

/** The texts a section shows as suggested insertions and deletions. */
export async function suggestedTexts(page: Page, sectionId: string): Promise<{ inserted: string[], deleted: string[] }> {
  return sectionBody(page, sectionId).evaluate((root) => {
    // Without other people's caret labels, which sit inside the text they are at.
    const text = (el: Element) => {
      const copy = el.cloneNode(true) as Element
      copy.querySelectorAll('.collaboration-carets__caret').forEach(c => c.remove())
      return copy.textContent ?? ''
    }
    return {
      inserted: [...root.querySelectorAll('ins.suggestion-insertion')].map(text),
      deleted: [...root.querySelectorAll('del.suggestion-deletion')].map(text),
    }
  })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's WCAG 2 A/AA violations inside `selectors` of the page. */
export async function axeViolations(page: Page, selectors: string[], rules?: string[]): Promise<Array<{ id: string, help: string, targets: string[], messages: string[] }>> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axeSource)
  return page.evaluate(async ([include, only]) => {
    // Colours are read at rest: a hover or focus transition still running (a pointer just moved
    // away, on a loaded machine) would be measured half-way. Only CSS transitions, and at most a
    // second: animations may loop or wait (a figure's upload placeholder) and never finish.
    const transitions = document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => {}))
    await Promise.race([Promise.all(transitions), new Promise(resolve => setTimeout(resolve, 1000))])
    type Node = { target: string[], any: Array<{ message: string }> }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string, help: string, nodes: Node[] }> }> } }).axe
    const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
    const result = await axe.run({ include: include.map(s => [s]) }, { runOnly })
    return result.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')), messages: v.nodes.map(n => n.any[0]?.message ?? '') }))
  }, [selectors, rules ?? null] as const)
}

/** The same findings as lines "<rule> at <target>", for one readable assertion. */
export async function axeFindings(page: Page, selector: string, rules?: string[]): Promise<string[]> {
  return (await axeViolations(page, [selector], rules)).flatMap(v => v.targets.map(t => `${v.id} at ${t}`))
}
