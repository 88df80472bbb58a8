/**
 * Part of the packing worker's source (packWorkerSource.ts): pictures go into the .docx without
 * docx doing the work. docx hashes every picture (JS, ~90 ms a MB) and its zip writer deflates it
 * (JS, ~500 ms a MB of photo, which does not shrink anyway): 30 photos of 1 MB took 23 s. So
 * `mediaPlaceholder` hands docx a few bytes, `chorus-media:<n>`, in place of each picture, and
 * `swapMedia` rewrites the finished zip with the real bytes stored, not deflated, CRC by zlib
 * (native): ~0.1 s for the same 30 MB. Every other entry is copied as docx wrote it.
 *
 * WebP, which docx does not know, goes in the same way under docx's PNG name, and an Override
 * in [Content_Types].xml gives that part its real type, image/webp (Word 365 and LibreOffice
 * read it; the OPC way to type one part whatever its extension).
 */
export const MEDIA_SWAP_SOURCE = String.raw`
const MEDIA_MARK = 'chorus-media:'

function mediaPlaceholder(media, data) {
  media.push(data)
  return new TextEncoder().encode(MEDIA_MARK + (media.length - 1))
}

// The picture an entry stands for, or null when it is not a placeholder.
function placeholderOf(zlib, media, b, dataAt, method, csize) {
  if (csize > 64) return null
  const raw = b.subarray(dataAt, dataAt + csize)
  let text
  try {
    text = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('latin1')
  } catch (error) {
    return null
  }
  const match = /^chorus-media:(\d+)$/.exec(text)
  return match ? media[Number(match[1])] : null
}

const isWebp = function (d) {
  return d.length > 12 && d[0] === 0x52 && d[1] === 0x49 && d[2] === 0x46 && d[3] === 0x46 && d[8] === 0x57 && d[9] === 0x45 && d[10] === 0x42 && d[11] === 0x50
}

// [Content_Types].xml with an Override per WebP part, re-deflated; null when there is none.
function typedContentTypes(zlib, b, dataAt, method, csize, webpParts) {
  if (!webpParts.length) return null
  const raw = b.subarray(dataAt, dataAt + csize)
  const xml = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8')
  const overrides = webpParts.map(function (name) { return '<Override PartName="/' + name + '" ContentType="image/webp"/>' }).join('')
  const text = Buffer.from(xml.replace('</Types>', overrides + '</Types>'), 'utf8')
  return { text: text, data: zlib.deflateRawSync(text) }
}

function swapMedia(zip, media) {
  const zlib = require('node:zlib')
  // First pass: which parts are WebP pictures (their Override goes into [Content_Types].xml).
  const webpParts = []
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = b.length - 22
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('no end of central directory')
  const count = b.readUInt16LE(eocd + 10)
  let at = b.readUInt32LE(eocd + 16)
  for (let i = 0, p = at; i < count; i++) {
    const nameLength = b.readUInt16LE(p + 28)
    const local = b.readUInt32LE(p + 42)
    const real = placeholderOf(zlib, media, b, local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28), b.readUInt16LE(p + 10), b.readUInt32LE(p + 20))
    if (real && isWebp(real)) webpParts.push(b.toString('utf8', p + 46, p + 46 + nameLength))
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32)
  }
  const parts = []
  const centrals = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    const nameLength = b.readUInt16LE(at + 28)
    const centralLength = 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32)
    const central = Buffer.from(b.subarray(at, at + centralLength))
    const local = b.readUInt32LE(at + 42)
    const method = b.readUInt16LE(at + 10)
    const csize = b.readUInt32LE(at + 20)
    const headerLength = 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28)
    const real = placeholderOf(zlib, media, b, local + headerLength, method, csize)
    const types = b.toString('utf8', at + 46, at + 46 + nameLength) === '[Content_Types].xml' ? typedContentTypes(zlib, b, local + headerLength, method, csize, webpParts) : null
    central.writeUInt32LE(offset, 42)
    if (types) {
      const header = Buffer.from(b.subarray(local, local + headerLength))
      const crc = zlib.crc32(types.text)
      header.writeUInt16LE(8, 8)
      header.writeUInt32LE(crc, 14)
      header.writeUInt32LE(types.data.length, 18)
      header.writeUInt32LE(types.text.length, 22)
      central.writeUInt16LE(8, 10)
      central.writeUInt32LE(crc, 16)
      central.writeUInt32LE(types.data.length, 20)
      central.writeUInt32LE(types.text.length, 24)
      parts.push(header, types.data)
      offset += headerLength + types.data.length
    } else if (real) {
      const header = Buffer.from(b.subarray(local, local + headerLength))
      const crc = zlib.crc32(real)
      header.writeUInt16LE(0, 8)
      header.writeUInt32LE(crc, 14)
      header.writeUInt32LE(real.byteLength, 18)
      header.writeUInt32LE(real.byteLength, 22)
      central.writeUInt16LE(0, 10)
      central.writeUInt32LE(crc, 16)
      central.writeUInt32LE(real.byteLength, 20)
      central.writeUInt32LE(real.byteLength, 24)
      parts.push(header, real)
      offset += headerLength + real.byteLength
    } else {
      parts.push(b.subarray(local, local + headerLength + csize))
      offset += headerLength + csize
    }
    centrals.push(central)
    at += centralLength
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.from(b.subarray(eocd))
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
`
