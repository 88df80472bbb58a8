/**
 * The report page's cross-reference controller (docs/cross-references.md): which section's picker
 * is open (toolbar, Ctrl+Alt+X), and going to a reference's target when one is clicked — in any
 * section, with or without an editor yet. The editors ask by DOM events
 * (composables/editor/crossReferenceView.ts), so they need no handle on the page.
 */
import type { InjectionKey } from 'vue'
import type { Editor } from '@tiptap/vue-3'
import type * as Y from 'yjs'
import type { ReportMeta, Section } from '#shared/schemas/report'
import { JUMP_EVENT, PICK_EVENT } from '~/composables/editor/crossReferenceView'
import { liveReportNumbers } from '~/composables/editor/liveReportNumbers'
import type { SectionEditors } from '~/composables/useSectionEditors'

export interface CrossReferences {
  options: CrossReferenceOptions
  /** The section whose picker is open, or null. */
  pickerFor: Ref<string | null>
  open: (sectionId: string | null) => void
  /** Go to the target of `targetId`; false when it is gone. */
  jump: (targetId: string) => Promise<boolean>
}

export interface CrossReferenceOptions {
  doc: Ref<Y.Doc | null>
  sections: Ref<Section[]>
  editors: SectionEditors
  meta: Ref<ReportMeta | null>
  /** May I edit this section's text (write a reference, or a target's refId)? Reviewers may not. */
  mayEdit: (section: Section) => boolean
  /** Show the section and create its editor (the page's own way). */
  reveal: (sectionId: string) => Promise<void>
}

const KEY: InjectionKey<CrossReferences> = Symbol('crossReferences')
const FLASH_MS = 1600

/** Where the block carrying `refId` starts in an editor's document, or null. */
function refPosition(editor: Editor, refId: string): number | null {
  let found: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false
    if (node.attrs.refId === refId) found = pos
    return node.isBlock
  })
  return found
}

/** Create the controller for the report page and make it available to its descendants. */
export function provideCrossReferences(o: CrossReferenceOptions): CrossReferences {
  const pickerFor = ref<string | null>(null)
  const toast = useToast()
  const { t } = useI18n()
  const reduced = import.meta.client && matchMedia('(prefers-reduced-motion: reduce)').matches

  /** Open the picker for a section where I may write; say why not otherwise (a reviewer's Ctrl+Alt+X). */
  function open(sectionId: string | null) {
    const section = o.sections.value.find(s => s.id === sectionId)
    if (!section) return
    if (!o.mayEdit(section)) {
      toast.add({ title: t('crossReferences.notHere'), color: 'warning', icon: 'i-lucide-lock' })
      return
    }
    // A reference is not a suggestion (like a footnote): say so before anything is written.
    if (o.editors.suggesting.value) {
      toast.add({ title: t('crossReferences.notWhileSuggesting'), color: 'warning', icon: 'i-lucide-pencil-off' })
      return
    }
    pickerFor.value = section.id
  }

  async function jump(targetId: string): Promise<boolean> {
    const doc = o.doc.value
    if (!doc) return false
    const live = liveReportNumbers(doc)
    live.flush()
    const target = live.numbers.byRefId.get(targetId)
    if (!target || !o.sections.value.some(s => s.id === target.sectionId)) {
      toast.add({ title: t('crossReferences.targetGone'), color: 'warning', icon: 'i-lucide-unlink' })
      return false
    }
    await o.reveal(target.sectionId)
    await nextTick()
    const editor = o.editors.editors.get(target.sectionId)
    const pos = editor && !editor.isDestroyed ? refPosition(editor, targetId) : null
    const dom = editor && pos !== null ? editor.view.nodeDOM(pos) : null
    const el = dom instanceof HTMLElement
      ? dom
      : document.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(target.sectionId)}"] [data-ref-id="${CSS.escape(targetId)}"]`)
    if (!el) return false
    el.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
    el.classList.add('is-jump-target')
    setTimeout(() => el.classList.remove('is-jump-target'), FLASH_MS)
    // The caret goes to the target when its text can take it, so keyboard users arrive there too.
    if (editor && pos !== null && editor.isEditable) {
      editor.chain().setTextSelection(pos + 1).focus(undefined, { scrollIntoView: false }).run()
    } else {
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1
      el.focus({ preventScroll: true })
    }
    return true
  }

  const onPick = (event: Event) => {
    const section = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-section-id]')?.dataset.sectionId ?? null
    open(section ?? o.editors.activeId.value)
  }
  const onJump = (event: Event) => {
    const id = (event as CustomEvent<{ targetId?: unknown }>).detail?.targetId
    if (typeof id === 'string' && id) void jump(id)
  }
  onMounted(() => {
    document.addEventListener(PICK_EVENT, onPick)
    document.addEventListener(JUMP_EVENT, onJump)
  })
  onUnmounted(() => {
    document.removeEventListener(PICK_EVENT, onPick)
    document.removeEventListener(JUMP_EVENT, onJump)
  })

  const state: CrossReferences = {
    options: o,
    pickerFor,
    open,
    jump,
  }
  provide(KEY, state)
  return state
}

/** The controller of the surrounding report page, or null elsewhere. */
export function useCrossReferences(): CrossReferences | null {
  return inject(KEY, null)
}
