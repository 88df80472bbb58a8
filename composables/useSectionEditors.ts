/**
 * The report page's section editors, shared between the page, the section bodies and the one
 * toolbar: which editor exists for which section, which one the toolbar acts on, and the request
 * to open the link dialog (from the toolbar or Ctrl+K).
 */
import type { InjectionKey, ShallowReactive } from 'vue'
import type { Editor } from '@tiptap/vue-3'
import type { RecommendationKind } from '#shared/editor/recommendation'

export interface SectionEditors {
  editors: ShallowReactive<Map<string, Editor>>
  /** The section whose editor had the focus last. */
  activeId: Ref<string | null>
  active: ComputedRef<Editor | null>
  /**
   * Bumped when something the toolbar shows changes outside a transaction (an editor became
   * read-only). Marks and nodes need no bump: the Vue editor's state is reactive (once per frame).
   */
  revision: Ref<number>
  /** The section whose link dialog is open, or null. */
  linkFor: Ref<string | null>
  /** Suggesting mode is on: my edits become suggestions (composables/editor/suggestingMode.ts). */
  suggesting: Ref<boolean>
  /** Why I cannot switch the mode (a locales key: a reviewer only suggests), or null when I choose. */
  suggestingLocked: Ref<string | null>
  toggleSuggesting: () => void
  /** The block this report's authors insert (the template's kind): recommendations, or questions in an LOIPR submission. */
  blockKind: Ref<RecommendationKind>
  register: (sectionId: string, editor: Editor) => void
  unregister: (sectionId: string) => void
  activate: (sectionId: string) => void
  refresh: () => void
}

const KEY: InjectionKey<SectionEditors> = Symbol('sectionEditors')

/** Create the registry (report page) and make it available to its descendants. */
export function provideSectionEditors(): SectionEditors {
  const editors = shallowReactive(new Map<string, Editor>())
  const activeId = ref<string | null>(null)
  const revision = ref(0)
  const linkFor = ref<string | null>(null)
  const suggesting = ref(false)
  const suggestingLocked = ref<string | null>(null)
  const blockKind = ref<RecommendationKind>('recommendation')
  const active = computed(() => (activeId.value ? editors.get(activeId.value) ?? null : null))

  const registry: SectionEditors = {
    editors,
    activeId,
    active,
    revision,
    linkFor,
    suggesting,
    suggestingLocked,
    blockKind,
    toggleSuggesting: () => {
      if (!suggestingLocked.value) suggesting.value = !suggesting.value
    },
    register: (id, editor) => editors.set(id, editor),
    unregister: (id) => {
      editors.delete(id)
      if (activeId.value === id) activeId.value = null
    },
    refresh: () => {
      revision.value++
    },
    activate: (id) => {
      activeId.value = id
    },
  }
  provide(KEY, registry)
  return registry
}

/** The registry of the surrounding report page. */
export function useSectionEditors(): SectionEditors {
  const registry = inject(KEY)
  if (!registry) throw new Error('useSectionEditors() outside the report page')
  return registry
}
