#!/usr/bin/env node
/**
 * Renders the first two pages of the exported sample report to docs/images/export-page-1.png and
 * -2.png (LibreOffice → PDF → pdftoppm at 60 dpi), to look at the cover and the contents.
 * Run: `npx node bench/lib/exportPages.mjs`.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { loadExportLibrary, projectRoot } from './exportBundle.mjs'

const run = promisify(execFile)
const lib = await loadExportLibrary()
const dir = mkdtempSync(join(tmpdir(), 'chorus-pages-'))
try {
  const { buffer } = await lib.exportDocx(lib.sampleReport(), { date: new Date('2027-02-15T12:00:00Z') })
  writeFileSync(join(dir, 'sample.docx'), buffer)
  await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'sample.docx')], { timeout: 120_000 })
  await run('pdftoppm', ['-r', '60', '-f', '1', '-l', '2', '-png', join(dir, 'sample.pdf'), join(dir, 'page')])
  const out = join(projectRoot, 'docs/images')
  mkdirSync(out, { recursive: true })
  for (const n of [1, 2]) renameSync(join(dir, `page-${n}.png`), join(out, `export-page-${n}.png`))
  console.log('wrote docs/images/export-page-1.png and export-page-2.png')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
