/**
 * Figures on the report page, shared by the toolbar, the section editors, their node views and
 * the figure dialog: where a picture is shown from (this browser's copy while it uploads, else
 * the server), the figure numbers each section starts from, the server's picture limits, the
 * insert / alt-text dialog, and who may insert (not viewers or reviewers, not while suggesting:
 * docs/editor.md, "Figures").
 */
import type { InjectionKey } from 'vue'
import type { Editor } from '@tiptap/core'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { Section } from '#shared/schemas/report'
import { FIGURE } from '#shared/editor/figure'
import { interfaceT } from '~~/utils/interfaceI18n'
import { createFigureUploads } from './figures/figureUploads'
import { insertFigureImages } from './figures/insertFigureImages'
import type { FigureLimits, InsertedFigure } from './figures/insertFigureImages'
import { watchFigureOffsets } from './figures/figureOffsets'
import type { SectionEditors } from './useSectionEditors'

export type FigureDialogRequest =
  | { mode: 'insert', sectionId: string }
  | { mode: 'alt', sectionId: string, refId: string, imageId: string, alt: string }

export interface FiguresOptions {
  reportId: string
  user: { id: string, name: string }
  doc: Readonly<Ref<Y.Doc | null>>
  provider: Readonly<Ref<WebsocketProvider | null>>
  sections: Readonly<Ref<Section[]>>
  editors: SectionEditors
  /** My role may add pictures (an author or the secretariat; not a reviewer or viewer). */
  mayInsert: () => boolean
}

function createFigures(options: FiguresOptions) {
  const toast = useToast()
  const refuse = (message: string) => toast.add({ title: interfaceT('figures.refusedTitle'), description: message, color: 'error', icon: 'i-lucide-image-off' })
  const offsets = ref<Record<string, number>>({})
  const limits = ref<FigureLimits | null>(null)
  const dialog = ref<FigureDialogRequest | null>(null)
  const uploads = createFigureUploads({
    reportId: options.reportId,
    userId: options.user.id,
    onRefused: (sha256, message) => {
      refuse(message)
      // The picture will never be there: take out the figures that wait for it.
      for (const editor of options.editors.editors.values()) removeFigures(editor, sha256)
    },
    onPending: list => options.provider.value?.awareness.setLocalStateField('figureUploads', list),
  })

  /** Figures may be inserted now: my role allows it and I am not suggesting. */
  const canInsert = computed(() => options.mayInsert() && !options.editors.suggesting.value)
  /** Why not, when my role allows figures but the mode does not (a locales key), else null. */
  const blockedReason = computed(() => (options.mayInsert() && options.editors.suggesting.value ? 'figures.notWhileSuggesting' : null))

  async function loadLimits() {
    limits.value = await $fetch<FigureLimits>(`/api/reports/${options.reportId}/images`).catch(() => limits.value)
  }

  /** Insert pictures at the caret of `editor` (checked, hashed, uploaded). */
  async function insert(editor: Editor, blobs: Blob[], text: { alt?: string, caption?: string } = {}): Promise<InsertedFigure[]> {
    if (!canInsert.value) {
      refuse(interfaceT(blockedReason.value ?? 'figures.notAllowed'))
      return []
    }
    if (editor.isActive('footnotes')) {
      refuse(interfaceT('figures.notInFootnote'))
      return []
    }
    if (!limits.value) await loadLimits()
    const inserted = await insertFigureImages({ editor, blobs, ...text, limits: limits.value, uploads, refuse })
    // The report's use grows with each picture; the server has the last word anyway.
    if (inserted.length) void loadLimits()
    return inserted
  }

  /** A figure (its caption) cannot change while suggesting: say so, once at a time (a known id merges). */
  const lockedWhileSuggesting = () => toast.add({ id: 'figure-locked', title: interfaceT('figures.lockedTitle'), description: interfaceT('figures.lockedText'), color: 'warning', icon: 'i-lucide-info' })

  /** Open the insert dialog for the section whose editor the toolbar acts on. */
  const openInsert = (sectionId: string | null) => {
    if (sectionId && canInsert.value) dialog.value = { mode: 'insert', sectionId }
  }

  /** Where a figure's picture is shown from: this browser's copy while it uploads, else the server. */
  const imageSrc = (sha256: string) => uploads.localUrls.get(sha256) ?? `/api/reports/${options.reportId}/images/${sha256}`

  /** The name of whoever (connected) is still uploading this picture, or null. */
  function uploaderName(sha256: string): string | null {
    for (const state of options.provider.value?.awareness.getStates().values() ?? []) {
      if ((state.figureUploads as string[] | undefined)?.includes(sha256)) return (state.user as { name?: string } | undefined)?.name ?? null
    }
    return null
  }

  let counting: ReturnType<typeof watchFigureOffsets> | null = null
  onMounted(() => {
    uploads.start()
    watch(options.doc, (doc) => {
      counting?.stop()
      counting = doc ? watchFigureOffsets(doc, () => options.sections.value, v => (offsets.value = v)) : null
    }, { immediate: true })
    // Sections added, moved or made annexes change where each one's numbering starts.
    watch(() => options.sections.value.map(s => `${s.id}:${s.countsTowardLimit}`).join(), () => counting?.refresh())
  })
  onUnmounted(() => {
    counting?.stop()
    uploads.stop()
  })

  return { reportId: options.reportId, offsets, limits, dialog, canInsert, blockedReason, insert, openInsert, lockedWhileSuggesting, imageSrc, uploaderName, uploads, refuse }
}

function removeFigures(editor: Editor, sha256: string) {
  const { tr } = editor.state
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === FIGURE && node.attrs.imageId === sha256) tr.delete(tr.mapping.map(pos), tr.mapping.map(pos + node.nodeSize))
  })
  if (tr.docChanged) editor.view.dispatch(tr)
}

export type Figures = ReturnType<typeof createFigures>
const KEY: InjectionKey<Figures> = Symbol('figures')

/** Create the report page's figures context and make it available to its descendants. */
export function provideFigures(options: FiguresOptions): Figures {
  const figures = createFigures(options)
  provide(KEY, figures)
  return figures
}

/** The figures context of the report page, or null elsewhere (e.g. a version's read-only view). */
export function useFiguresIfAny(): Figures | null {
  return inject(KEY, null)
}
