/**
 * Checks an upload before anything inflates it: that it is a zip holding a Word document, and
 * that its central directory declares neither too many entries nor too many uncompressed bytes
 * (zip bombs). Only the directory and local headers are read; no entry is decompressed here.
 * The entries it returns let the worker verify, while inflating with a cap, that no entry
 * inflates to more than it declared (an archive that lies).
 */
import { DocxImportError } from './DocxImportError'
import type { ImportLimits } from './importLimits'

const EOCD = 0x06054b50
const ZIP64_EOCD = 0x06064b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_COMMENT = 0xffff
const U32_MAX = 0xffffffff

/** One entry as its headers declare it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated (others are not used in .docx files). */
  method: number
  compressedSize: number
  size: number
  /** Offset of the entry's data in the file. */
  dataStart: number
}

type SizeLimits = Pick<ImportLimits, 'maxBytes' | 'maxUncompressedBytes' | 'maxEntries'>

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`

/** The entries of a .docx that passed the checks; throws `DocxImportError` otherwise. */
export function inspectZip(buffer: Buffer, limits: SizeLimits): ZipEntry[] {
  try {
    return readDirectory(buffer, limits)
  } catch (error) {
    // Offsets that point past the end of the file: a truncated or forged archive.
    if (error instanceof RangeError) corrupt()
    throw error
  }
}

function readDirectory(buffer: Buffer, limits: SizeLimits): ZipEntry[] {
  if (buffer.length > limits.maxBytes) {
    throw new DocxImportError('too-large', `The file is larger than ${mib(limits.maxBytes)}. Split the document or remove images before importing.`)
  }
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL) {
    throw new DocxImportError('not-docx', 'This is not a Word document (.docx). Save it as .docx in your word processor and try again.')
  }
  const eocd = findEndOfCentralDirectory(buffer)
  let count = buffer.readUInt16LE(eocd + 10)
  let offset = buffer.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === U32_MAX) ({ count, offset } = readZip64Directory(buffer, eocd))
  if (count > limits.maxEntries) {
    throw new DocxImportError('zip-bomb', `The file holds ${count} parts (more than ${limits.maxEntries}); it is not a document we can import.`)
  }
  const entries: ZipEntry[] = []
  let total = 0
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL) corrupt()
    const nameLength = buffer.readUInt16LE(offset + 28)
    const extraLength = buffer.readUInt16LE(offset + 30)
    const commentLength = buffer.readUInt16LE(offset + 32)
    const zip64 = zip64Values(buffer, offset + 46 + nameLength, extraLength)
    const take = (value: number) => (value === U32_MAX ? zip64.shift() ?? corrupt() : value)
    // Zip64 extra values come in this order, each only when its header field is 0xFFFFFFFF.
    const size = take(buffer.readUInt32LE(offset + 24))
    const compressedSize = take(buffer.readUInt32LE(offset + 20))
    const local = take(buffer.readUInt32LE(offset + 42))
    total += size
    if (total > limits.maxUncompressedBytes) {
      throw new DocxImportError('zip-bomb', `The document would unpack to more than ${mib(limits.maxUncompressedBytes)}; it is not a document we can import.`)
    }
    if (buffer.readUInt32LE(local) !== LOCAL) corrupt()
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    if (dataStart + compressedSize > buffer.length) corrupt()
    entries.push({
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: buffer.readUInt16LE(offset + 10),
      compressedSize,
      size,
      dataStart,
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  const names = new Set(entries.map(e => e.name))
  if (!names.has('word/document.xml') || !names.has('[Content_Types].xml')) {
    throw new DocxImportError('not-docx', 'This file is a zip archive but not a Word document (.docx).')
  }
  return entries
}

function corrupt(): never {
  throw new DocxImportError('corrupt', 'The file is damaged and cannot be read. Open it in your word processor, save it again as .docx and retry.')
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - 22 - MAX_COMMENT)
  for (let i = buffer.length - 22; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === EOCD) return i
  }
  return corrupt()
}

function readZip64Directory(buffer: Buffer, eocd: number): { count: number, offset: number } {
  const locator = eocd - 20
  if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) corrupt()
  const record = Number(buffer.readBigUInt64LE(locator + 8))
  if (buffer.readUInt32LE(record) !== ZIP64_EOCD) corrupt()
  return { count: Number(buffer.readBigUInt64LE(record + 32)), offset: Number(buffer.readBigUInt64LE(record + 48)) }
}

/** The 8-byte values of an entry's zip64 extra field (none when it has no such field). */
function zip64Values(buffer: Buffer, start: number, length: number): number[] {
  let p = start
  while (p + 4 <= start + length) {
    const id = buffer.readUInt16LE(p)
    const size = buffer.readUInt16LE(p + 2)
    if (id === 0x0001) {
      const values: number[] = []
      for (let v = 0; v + 8 <= size; v += 8) values.push(Number(buffer.readBigUInt64LE(p + 4 + v)))
      return values
    }
    p += 4 + size
  }
  return []
}
