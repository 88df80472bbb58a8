/**
 * Hostile and broken uploads for the importer's safety tests, built in memory: a zip whose
 * central directory claims a huge size, one with too many entries, one that lies about its sizes
 * (small in the directory, huge when inflated), a truncated file.
 */
import { createDeflateRaw } from 'node:zlib'
import JSZip from 'jszip'

/** A copy of `docx` whose central directory claims `size` uncompressed bytes for `entry`. */
export function withClaimedSize(docx: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(docx)
  const name = Buffer.from(entry)
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x02014b50 && out.readUInt16LE(i + 28) === name.length && out.subarray(i + 46, i + 46 + name.length).equals(name)) {
      out.writeUInt32LE(size, i + 24)
      return out
    }
  }
  throw new Error(`no entry ${entry}`)
}

/** A zip with the parts of a .docx plus `count` tiny entries. */
export async function withManyEntries(count: number): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<Types/>')
  zip.file('word/document.xml', '<w:document/>')
  for (let i = 0; i < count; i++) zip.file(`word/media/x${i}.txt`, 'x')
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
}

/**
 * A .docx-shaped zip whose `word/document.xml` inflates to `inflatedMiB` MiB of spaces while its
 * headers declare 100 bytes: only a limit on the parser itself (heap, time) stops it.
 */
export async function lyingZipBomb(inflatedMiB: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 })
  const chunks: Buffer[] = []
  deflater.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise(resolve => deflater.on('end', resolve))
  const mib = Buffer.alloc(1024 * 1024, 0x20)
  for (let i = 0; i < inflatedMiB; i++) deflater.write(mib)
  deflater.end()
  await done
  const bomb = Buffer.concat(chunks)
  const entries: Array<{ name: string, data: Buffer, method: number, size: number }> = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), method: 0, size: -1 },
    { name: 'word/document.xml', data: bomb, method: 8, size: 100 },
  ]
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const size = e.size < 0 ? e.data.length : e.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt32LE(0, 14) // crc: wrong on purpose, checked only after inflating
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt32LE(0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += 30 + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(entries.length, 8)
  eocd.writeUInt16LE(entries.length, 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, eocd])
}
