/**
 * UN document symbols typed in the body and in a footnote become links to the UN's document
 * system (issue 13, item 5), are kept in the server's copy, and reach the Word file as hyperlinks.
 * A reviewer's typing (Suggesting mode) links nothing: the hub would refuse their formatting.
 */
import JSZip from 'jszip'
import { test, expect } from './fixtures'
import { caretIn, closePages, newPage, createReport, openReport, sectionBody, serverSection } from './editor.helpers'

test.afterEach(closePages)

test('a symbol and its paragraph citation become one link, in the body and in a footnote, and in the Word file', async ({ chorus }) => {
  test.slow()
  const ann = await chorus.newAccount('Ann Symbols')
  const report = await createReport(chorus, 'Symbols', [{ account: ann.account, role: 'author' }])
  const section = report.sectionIds[2]!
  const page = (await newPage(chorus, ann.account)).page
  await openReport(page, report.id)
  const body = sectionBody(page, section)
  const k = page.keyboard

  await caretIn(page, section)
  await k.type('The Committee asked for a strategy (CRC/C/AZE/CO/5-6, para. 12) and see CRC/C/GC/25 on the digital environment.')
  const first = body.getByRole('link', { name: 'CRC/C/AZE/CO/5-6, para. 12' })
  await expect(first).toHaveAttribute('href', 'https://undocs.org/en/CRC/C/AZE/CO/5-6')
  await expect(body.getByRole('link', { name: 'CRC/C/GC/25' })).toHaveAttribute('href', 'https://undocs.org/en/CRC/C/GC/25')
  // Ordinary slashes stay text.
  await k.type(' Open 24/7, and/or by A/B testing.')
  await expect(body.getByRole('link')).toHaveCount(2)

  // A footnote's source.
  await k.press('Control+Alt+f')
  await k.type('Concluding observations, CRC/C/AZE/CO/3-4, para. 7.')
  await expect(body.getByRole('link', { name: 'CRC/C/AZE/CO/3-4, para. 7' })).toHaveAttribute('href', 'https://undocs.org/en/CRC/C/AZE/CO/3-4')

  // The server's copy holds the links (the hub accepted the author's formatting).
  await expect.poll(async () => JSON.stringify(await serverSection(chorus.server.url, ann.account, report.id, section)), { timeout: 10_000 })
    .toContain('https://undocs.org/en/CRC/C/AZE/CO/3-4')

  // The Word file carries them as hyperlinks.
  const res = await page.request.get(`${chorus.server.url}/api/reports/${report.id}/export.docx`)
  expect(res.status()).toBe(200)
  const zip = await JSZip.loadAsync(await res.body())
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  expect(rels).toContain('https://undocs.org/en/CRC/C/AZE/CO/5-6')
  expect(rels).toContain('https://undocs.org/en/CRC/C/GC/25')
})
