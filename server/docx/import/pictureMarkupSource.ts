/**
 * Part of the parsing worker's source (mammothWorkerSource.ts): keeps Word's pictures for the
 * importer instead of dropping them. mammoth hands each picture to `convertImage` with its bytes,
 * content type and alt text (wp:docPr descr, else title) but not the size it is shown at, so
 * `preparePictures` first writes each drawing's wp:extent (EMU) into the front of its descr,
 * between U+FDDB and U+FDDC, where `keepPicture` reads it back. Paragraphs in a caption style get
 * the mark U+FDDA in front, so placeFigures.ts can tell a caption from an ordinary paragraph.
 *
 * keepPicture returns `<img src="chorus-image:N">`; htmlToDoc turns that into a placeholder node
 * and placeFigures.ts (main thread) into a figure, once the bytes have been checked and hashed.
 */
export const PICTURE_MARKUP_SOURCE = String.raw`
const SIZE_OPEN = '\uFDDB'
const SIZE_CLOSE = '\uFDDC'
const CAPTION_MARK = '\uFDDA'
// Word's "Caption", pandoc's "Image Caption", LibreOffice's "Figure" and "Illustration".
const CAPTION_STYLES = /^(?:caption|image caption|figure|illustration|drawing)$/i

async function preparePictures(zip) {
  const name = 'word/document.xml'
  if (!zip.exists(name)) return
  const xml = await zip.read(name, 'utf-8')
  zip.write(name, xml.replace(/<wp:(inline|anchor)\b[\s\S]*?<\/wp:\1>/g, function (drawing) {
    const extent = /<wp:extent\b[^>]*?\bcx="(\d+)"[^>]*?\bcy="(\d+)"/.exec(drawing)
    if (!extent) return drawing
    return drawing.replace(/<wp:docPr\b([^>]*?)(\/?)>/, function (tag, attrs, selfClosing) {
      const descr = /\sdescr="([^"]*)"/.exec(attrs)
      const title = /\stitle="([^"]*)"/.exec(attrs)
      const text = descr && descr[1].trim() ? descr[1] : title ? title[1] : ''
      return '<wp:docPr' + attrs.replace(/\sdescr="[^"]*"/, '') + ' descr="' + SIZE_OPEN + extent[1] + ',' + extent[2] + SIZE_CLOSE + text + '"' + selfClosing + '>'
    })
  }))
}

function markCaption(element, documents) {
  if (documents && element.type === 'paragraph' && element.styleName && CAPTION_STYLES.test(element.styleName.trim())) {
    element.children.unshift(documents.Run([documents.Text(CAPTION_MARK)]))
  }
}

function keepPicture(image, pictures) {
  const alt = image.altText || ''
  const size = /^\uFDDB(\d+),(\d+)\uFDDC/.exec(alt)
  return image.read().then(function (bytes) {
    const index = pictures.length
    pictures.push({
      data: new Uint8Array(bytes),
      contentType: image.contentType || '',
      cx: size ? Number(size[1]) : 0,
      cy: size ? Number(size[2]) : 0,
      alt: size ? alt.slice(size[0].length) : alt,
    })
    return { src: 'chorus-image:' + index }
  })
}
`
