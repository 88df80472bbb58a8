/**
 * No words a person reads are written straight into the interface: every .vue template's text,
 * every label-like attribute (static or bound), and every `title:`/`label:`/`description:` string
 * in components, pages, composables and stores goes through `t()` / `$t()` and locales/*.json.
 * Proper names that read the same in every language are allowed (ALLOWED below).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from '@vue/compiler-sfc'
import type { AttributeNode, DirectiveNode, ElementNode, TemplateChildNode } from '@vue/compiler-core'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const DIRS = ['components', 'pages', 'layouts', 'composables', 'stores', 'middleware', 'plugins', 'utils']
const FILES = ['error.vue', 'app.vue']
/**
 * Files whose strings are data, not interface text: the shared schemas' English messages used as
 * look-up keys, and CLDR's Azerbaijani date words for browsers whose Intl lacks them.
 */
const EXEMPT = new Set(['utils/validationMessage.ts', 'utils/localeFormat.ts'])

/** Proper names and symbols that are the same in English, Azerbaijani and Russian. */
const ALLOWED = new Set(['Chorus', 'Word', 'DOCX', '.docx', 'PDF', 'CRC', 'UPR', 'LOIPR', 'Ctrl', 'Shift', 'Alt', 'Cmd', 'Enter', 'Esc', 'Tab', 'B', 'I', 'U', 'K', 'Z', 'Y', 'H1', 'H2', 'H3'])
/** Attributes a person reads (or hears from a screen reader). */
const READ_ATTRS = new Set(['heading', 'legend', 'title', 'aria-label', 'aria-description', 'placeholder', 'label', 'alt', 'description', 'help', 'hint', 'text', 'empty', 'aria-valuetext'])
/** Object keys in scripts and bound expressions whose string values a person reads. */
const READ_KEYS = /\b(title|label|description|placeholder|text|help|message|ariaLabel|aria-label)\s*:\s*(['"`])((?:(?!\2).)*\p{L}(?:(?!\2).)*)\2/gu

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap(e => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])
const files = [...DIRS.flatMap(d => walk(join(ROOT, d))), ...FILES.map(f => join(ROOT, f))]
  .filter(f => /\.(vue|ts)$/.test(f) && !EXEMPT.has(relative(ROOT, f)))

/** Text with letters in it, once allowed names and interpolations are taken out. */
function hasWords(text: string): boolean {
  const rest = text.replace(/\{\{[\s\S]*?\}\}/g, ' ').replace(/\bhttps?:\/\/\S*/g, ' ').split(/[\s()[\]/·—–:,.!?"'“”«»+\-…]+/).filter(w => w.length > 1 && !ALLOWED.has(w))
  return rest.some(w => /\p{L}/u.test(w))
}

/** String literals with words in an expression, not counting the keys passed to t()/$t(). */
function literalWords(expression: string): string[] {
  const withoutKeys = expression.replace(/(?:\$?t|interfaceT)\(\s*(['"`])[^'"`]*\1/g, '')
    .replace(/\b(?:icon|color|variant|size|name|to|type|key|class|side|align|mode|value|testid)\s*:\s*(['"`])[^'"`]*\1/g, '')
  return [...withoutKeys.matchAll(/(['"`])((?:(?!\1).)*)\1/g)].map(m => m[2]!)
    .filter(s => /\s/.test(s.trim()) || /^\p{Lu}\p{Ll}+/u.test(s)).filter(hasWords)
}

function templateFindings(node: TemplateChildNode | ElementNode, out: string[]): void {
  if (node.type === 2 && hasWords(node.content)) out.push(`text “${node.content.trim()}”`)
  if (node.type !== 1) return
  for (const prop of node.props) {
    if (prop.type === 6) {
      const attr = prop as AttributeNode
      if (READ_ATTRS.has(attr.name) && attr.value && hasWords(attr.value.content)) out.push(`${attr.name}="${attr.value.content}"`)
    } else {
      const dir = prop as DirectiveNode
      const arg = dir.arg && dir.arg.type === 4 ? dir.arg.content : ''
      const exp = dir.exp && dir.exp.type === 4 ? dir.exp.content : ''
      if (dir.name === 'bind' && READ_ATTRS.has(arg)) out.push(...literalWords(exp).map(s => `:${arg} “${s}”`))
      else if (exp) out.push(...[...exp.matchAll(READ_KEYS)].filter(m => hasWords(m[3]!)).map(m => `${m[1]}: “${m[3]}”`))
    }
  }
  for (const child of node.children) templateFindings(child as TemplateChildNode, out)
}

/**
 * Prose in code: a string literal of two or more words (not class lists, paths or keys), outside
 * comments, console output and thrown programmer errors, which no person reads.
 */
function scriptFindings(code: string): string[] {
  const lines = code.replace(/\/\*[\s\S]*?\*\//g, '').split('\n')
    .map(l => l.replace(/(^|[^:'"`])\/\/.*$/, '$1'))
    .filter(l => !/console\.|new Error\(|new TypeError\(|^\s*import |logDenial|data-testid|querySelector|getByTestId/.test(l))
  const found: string[] = []
  for (const line of lines) {
    for (const m of line.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)) {
      const literal = m[2]!.replace(/\$\{[^}]*\}/g, ' ')
      const words = literal.split(/\s+/).filter(Boolean)
      const prose = words.filter(w => /^\p{L}+[,.;:!?…]?$/u.test(w) && !ALLOWED.has(w))
      if (words.length >= 2 && prose.length >= 2 && words.every(w => !/[-=(){}<>#@/\\[\]]/.test(w) || /^\p{L}+-\p{L}+[,.]?$/u.test(w))) {
        const before = line.slice(0, m.index)
        if (!/(?:\$?t|interfaceT)\(\s*$/.test(before)) found.push(`“${m[2]}”`)
      }
    }
  }
  return found
}

describe('no raw text in the interface', () => {
  for (const file of files) {
    it(`${relative(ROOT, file)} shows no untranslated text`, () => {
      const source = readFileSync(file, 'utf8')
      const findings: string[] = []
      if (file.endsWith('.vue')) {
        const { descriptor } = parse(source, { filename: file })
        if (descriptor.template?.ast) for (const child of descriptor.template.ast.children) templateFindings(child, findings)
        for (const block of [descriptor.script, descriptor.scriptSetup]) if (block) findings.push(...scriptFindings(block.content))
      } else {
        findings.push(...scriptFindings(source))
      }
      expect(findings).toEqual([])
    })
  }
})
