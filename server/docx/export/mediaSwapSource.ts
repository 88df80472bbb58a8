/**
 * Part of the packing worker's source (packWorkerSource.ts): pictures go into the .docx without
 * docx doing the work. docx hashes every picture (JS, ~90 ms a MB) and its zip writer deflates it
 * (JS, ~500 ms a MB of photo, which does not shrink anyway): 30 photos of 1 MB took 23 s. So
 * `mediaPlaceholder` hands docx a few bytes, `chorus-media:<n>`, in place of each picture, and
 * `swapMedia` rewrites the finished zip with the real bytes stored, not deflated, CRC by zlib
 * (native): ~0.1 s for the same 30 MB. Every other entry is copied as docx wrote it.
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

function swapMedia(zip, media) {
  const zlib = require('node:zlib')
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = b.length - 22
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('no end of central directory')
  const count = b.readUInt16LE(eocd + 10)
  let at = b.readUInt32LE(eocd + 16)
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
    central.writeUInt32LE(offset, 42)
    if (real) {
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
