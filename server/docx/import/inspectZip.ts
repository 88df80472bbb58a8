/**
 * Checks an upload before anything inflates it: that it is a zip holding a Word document, and
 * that its central directory declares neither too many entries nor too many uncompressed bytes
 * (zip bombs). Only the directory is read; no entry is decompressed here.
 */
import { DocxImportError } from './DocxImportError'
import type { ImportLimits } from './importLimits'

const EOCD = 0x06054b50
const ZIP64_EOCD = 0x06064b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_COMMENT = 0xffff

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`

/** The entry names of a .docx that passed the checks; throws `DocxImportError` otherwise. */
export function inspectZip(buffer: Buffer, limits: Pick<ImportLimits, 'maxBytes' | 'maxUncompressedBytes' | 'maxEntries'>): string[] {
  try {
    return readDirectory(buffer, limits)
  } catch (error) {
    // Offsets that point past the end of the file: a truncated or forged archive.
    if (error instanceof RangeError) corrupt()
    throw error
  }
}

function readDirectory(buffer: Buffer, limits: Pick<ImportLimits, 'maxBytes' | 'maxUncompressedBytes' | 'maxEntries'>): string[] {
  if (buffer.length > limits.maxBytes) {
    throw new DocxImportError('too-large', `The file is larger than ${mib(limits.maxBytes)}. Split the document or remove images before importing.`)
  }
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL) {
    throw new DocxImportError('not-docx', 'This is not a Word document (.docx). Save it as .docx in your word processor and try again.')
  }
  const eocd = findEndOfCentralDirectory(buffer)
  let entries = buffer.readUInt16LE(eocd + 10)
  let offset = buffer.readUInt32LE(eocd + 16)
  if (entries === 0xffff || offset === 0xffffffff) ({ entries, offset } = readZip64Directory(buffer, eocd))
  if (entries > limits.maxEntries) {
    throw new DocxImportError('zip-bomb', `The file holds ${entries} parts (more than ${limits.maxEntries}); it is not a document we can import.`)
  }
  const names: string[] = []
  let total = 0
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) corrupt()
    let size = buffer.readUInt32LE(offset + 24)
    const nameLength = buffer.readUInt16LE(offset + 28)
    const extraLength = buffer.readUInt16LE(offset + 30)
    const commentLength = buffer.readUInt16LE(offset + 32)
    if (size === 0xffffffff) size = zip64Size(buffer, offset + 46 + nameLength, extraLength)
    total += size
    if (total > limits.maxUncompressedBytes) {
      throw new DocxImportError('zip-bomb', `The document would unpack to more than ${mib(limits.maxUncompressedBytes)}; it is not a document we can import.`)
    }
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength))
    offset += 46 + nameLength + extraLength + commentLength
  }
  if (!names.includes('word/document.xml') || !names.includes('[Content_Types].xml')) {
    throw new DocxImportError('not-docx', 'This file is a zip archive but not a Word document (.docx).')
  }
  return names
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

function readZip64Directory(buffer: Buffer, eocd: number): { entries: number, offset: number } {
  const locator = eocd - 20
  if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) corrupt()
  const record = Number(buffer.readBigUInt64LE(locator + 8))
  if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD) corrupt()
  return { entries: Number(buffer.readBigUInt64LE(record + 32)), offset: Number(buffer.readBigUInt64LE(record + 48)) }
}

/** The uncompressed size from an entry's zip64 extra field (its first 8-byte value). */
function zip64Size(buffer: Buffer, start: number, length: number): number {
  let p = start
  while (p + 4 <= start + length) {
    const id = buffer.readUInt16LE(p)
    const size = buffer.readUInt16LE(p + 2)
    if (id === 0x0001 && size >= 8) return Number(buffer.readBigUInt64LE(p + 4))
    p += 4 + size
  }
  return corrupt()
}
