/**
 * Pictures pasted or dropped into a section become figures (composables/useFigures.ts checks,
 * hashes, inserts and uploads them). A picture copied from a web page arrives as `<img src>` in
 * the pasted HTML: the BROWSER fetches it (the server never fetches a URL for anyone) and, if the
 * site does not allow that, says so. A lone picture without alt text opens the alt-text dialog.
 */
import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { interfaceT } from '~~/utils/interfaceI18n'
import type { Figures } from '~/composables/useFigures'
import type { InsertedFigure } from '~/composables/figures/insertFigureImages'

export interface FigurePasteDropOptions {
  sectionId: string
  figures: () => Figures | null
}

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|svg)$/i
const imageFiles = (data: DataTransfer | null) => [...(data?.files ?? [])].filter(f => f.type.startsWith('image/') || IMAGE_NAME.test(f.name))

/** The pictures of pasted HTML: their address and alt text. */
function htmlImages(html: string): { images: Array<{ src: string, alt: string }>, hasText: boolean } {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const images = [...doc.images].map(img => ({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '' })).filter(i => /^(https?:|data:image\/)/i.test(i.src))
  return { images, hasText: !!doc.body.textContent?.trim() }
}

/** Fetch a web page's picture in this browser; null (and a message) when the site does not allow it. */
async function fetchImage(figures: Figures, src: string): Promise<Blob | null> {
  try {
    const response = await fetch(src, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' })
    if (!response.ok) throw new Error(String(response.status))
    return await response.blob()
  } catch {
    const where = src.startsWith('data:') ? interfaceT('figures.pastedPicture') : new URL(src).host
    figures.refuse(interfaceT('figures.fetchFailed', { where }))
    return null
  }
}

function askForAlt(figures: Figures, sectionId: string, inserted: InsertedFigure[]) {
  const [only] = inserted
  if (inserted.length === 1 && only && !only.alt) figures.dialog.value = { mode: 'alt', sectionId, refId: only.refId, imageId: only.imageId, alt: '' }
}

async function insertWebImages(editor: Editor, figures: Figures, sectionId: string, images: Array<{ src: string, alt: string }>) {
  const inserted: InsertedFigure[] = []
  for (const image of images) {
    const blob = await fetchImage(figures, image.src)
    if (blob) inserted.push(...await figures.insert(editor, [blob], { alt: image.alt }))
  }
  askForAlt(figures, sectionId, inserted)
}

export const FigurePasteDrop = Extension.create<FigurePasteDropOptions>({
  name: 'figurePasteDrop',
  addOptions: () => ({ sectionId: '', figures: () => null }),

  addProseMirrorPlugins() {
    const editor = this.editor
    const { sectionId, figures: context } = this.options
    return [new Plugin({
      key: new PluginKey('figurePasteDrop'),
      props: {
        handlePaste(_view, event) {
          const figures = context()
          if (!figures) return false
          const files = imageFiles(event.clipboardData)
          const html = event.clipboardData?.getData('text/html') ?? ''
          const fromHtml = /<img\b/i.test(html) ? htmlImages(html) : { images: [], hasText: false }
          if (files.length && !fromHtml.hasText) {
            // "Copy image" gives the file and an <img> for it: the file is the picture, the <img> its alt.
            void figures.insert(editor, files, { alt: fromHtml.images[0]?.alt }).then(list => askForAlt(figures, sectionId, list))
            return true
          }
          if (!fromHtml.images.length) return false
          // Text and pictures: the text is pasted as usual, the pictures follow it once fetched.
          setTimeout(() => void insertWebImages(editor, figures, sectionId, fromHtml.images))
          return !fromHtml.hasText
        },
        handleDrop(view, event, _slice, moved) {
          const figures = context()
          const files = imageFiles(event.dataTransfer)
          if (moved || !figures || !files.length) return false
          event.preventDefault()
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
          if (at) editor.commands.setTextSelection(at.pos)
          void figures.insert(editor, files).then(list => askForAlt(figures, sectionId, list))
          return true
        },
      },
    })]
  },
})
