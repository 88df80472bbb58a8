/**
 * The review threads of the open report, live from its Y.Doc, and what the comment panel, the
 * highlights in each section editor and the selection menu share: the filter, the focused
 * thread, the thread being written, where each thread's text is now, and the actions
 * (composables/useCommentActions.ts). Created once by the report page, injected below it.
 */
import type * as Y from 'yjs'
import type { InjectionKey } from 'vue'
import { COMMENTS, sectionFragmentName } from '#shared/docNames'
import { interfaceT } from '~~/utils/interfaceI18n'
import { readThreads } from '#shared/commentsDoc'
import type { ThreadView } from '#shared/commentsDoc'
import { can, canEditSectionText, canResolveThread } from '#shared/permissions'
import type { Role } from '#shared/permissions'
import type { Section } from '#shared/schemas/report'
import type { CommentHighlightSource, HighlightThread, LocatedText } from '~/components/comments/commentHighlights'
import { locateInDoc } from '~/components/comments/commentAnchors'
import type { Anchors } from '~/components/comments/commentAnchors'
import { commentActions } from './useCommentActions'
import type { SectionEditors } from './useSectionEditors'

export type CommentFilter = 'open' | 'resolved' | 'mine' | 'mentions' | 'all'
export interface CommentMember { userId: string, name: string, color: string, role: Role }
export interface CommentDraft extends Anchors { sectionId: string, kind: 'comment' | 'suggestion', quote: string }

export interface CommentsOptions {
  doc: Ref<Y.Doc | null>
  me: { id: string, name: string }
  role: Ref<Role | null>
  members: Ref<CommentMember[]>
  sections: Ref<Section[]>
  editors: SectionEditors
  /** Make a section visible before scrolling to its text (e.g. in one-section mode). */
  reveal?: (sectionId: string) => void | Promise<void>
}

const KEY: InjectionKey<CommentsStore> = Symbol('comments')
const DRAFT_ID = 'draft'

function sameRanges(a: Map<string, LocatedText | null> | undefined, b: Map<string, LocatedText | null>): boolean {
  if (!a || a.size !== b.size) return false
  for (const [id, r] of b) {
    const o = a.get(id)
    if (o === undefined || (o === null) !== (r === null)) return false
    if (o && r && (o.from !== r.from || o.to !== r.to || o.text !== r.text)) return false
  }
  return true
}

const mentionsMe = (t: ThreadView, me: string) => t.mentions.includes(me) || t.replies.some(r => !r.deleted && r.mentions.includes(me))

function createCommentsStore(o: CommentsOptions) {
  const threads = shallowRef<ThreadView[]>([])
  const activeId = ref<string | null>(null)
  const draft = shallowRef<CommentDraft | null>(null)
  const filter = ref<CommentFilter>('open')
  /** Bumped when the panel should bring the active thread into view (and open, on small screens). */
  const revealCard = ref(0)
  /** Where each thread's text is, per section, as the section's highlights last resolved it. */
  const ranges = shallowRef<Record<string, Map<string, LocatedText | null>>>({})

  /** Bumped (at most every 300 ms) when the document changes, for texts read without an editor. */
  const docTick = ref(0)
  let tickTimer: ReturnType<typeof setTimeout> | null = null
  const tick = () => {
    tickTimer ??= setTimeout(() => {
      tickTimer = null
      docTick.value++
    }, 300)
  }

  let stop = () => {}
  watch(o.doc, (doc) => {
    stop()
    if (!doc) return
    doc.on('update', tick)
    const map = doc.getMap(COMMENTS)
    let queued = false
    const read = () => {
      queued = false
      threads.value = readThreads(doc)
      if (activeId.value && !threads.value.some(t => t.id === activeId.value)) activeId.value = null
    }
    const onChange = () => {
      if (!queued) queueMicrotask(read)
      queued = true
    }
    map.observeDeep(onChange)
    read()
    stop = () => {
      map.unobserveDeep(onChange)
      doc.off('update', tick)
    }
  }, { immediate: true })
  onScopeDispose(() => {
    stop()
    if (tickTimer) clearTimeout(tickTimer)
  })

  const sectionIndex = computed(() => new Map(o.sections.value.map((s, i) => [s.id, i])))
  const sectionTitle = (id: string) => o.sections.value.find(s => s.id === id)?.title ?? interfaceT('comments.removedSection')

  /** Where the thread's text is in its section's editor: null when gone, undefined when not known (yet). */
  const rangeOf = (t: ThreadView): LocatedText | null | undefined => {
    if (!sectionIndex.value.has(t.sectionId)) return null
    return ranges.value[t.sectionId]?.get(t.id)
  }
  /** The text at the thread's anchors now: null when gone, undefined when not known. */
  const currentText = (t: ThreadView): string | null | undefined => {
    const range = rangeOf(t)
    if (range !== undefined) return range ? range.text : null
    // A section whose editor is not created yet (far from the view): ask the Y.Doc itself.
    const doc = o.doc.value
    // Reading docTick makes this re-evaluate as the document changes.
    if (!doc || docTick.value < 0) return undefined
    const found = locateInDoc(doc, doc.getXmlFragment(sectionFragmentName(t.sectionId)), t)
    return found ? found.text : found
  }
  const isRemoved = (t: ThreadView) => currentText(t) === null

  /** Threads in reading order: section by section, then where their text starts; removed text last. */
  const ordered = computed(() => [...threads.value].sort((a, b) => {
    const s = (sectionIndex.value.get(a.sectionId) ?? 1e9) - (sectionIndex.value.get(b.sectionId) ?? 1e9)
    if (s) return s
    const pa = rangeOf(a)?.from ?? 1e9
    const pb = rangeOf(b)?.from ?? 1e9
    return pa - pb || a.createdAt - b.createdAt
  }))

  const matches: Record<CommentFilter, (t: ThreadView) => boolean> = {
    open: t => t.status === 'open',
    resolved: t => t.status !== 'open',
    mine: t => t.authorId === o.me.id,
    mentions: t => mentionsMe(t, o.me.id),
    all: () => true,
  }
  const visible = computed(() => ordered.value.filter(matches[filter.value]))
  const counts = computed(() => Object.fromEntries((Object.keys(matches) as CommentFilter[])
    .map(f => [f, threads.value.filter(matches[f]).length])) as Record<CommentFilter, number>)
  const openBySection = computed(() => {
    const out: Record<string, number> = {}
    for (const t of threads.value) if (t.status === 'open') out[t.sectionId] = (out[t.sectionId] ?? 0) + 1
    return out
  })

  const members = computed(() => o.members.value)
  const memberName = (id: string) => o.members.value.find(m => m.userId === id)?.name

  const permissions = {
    canComment: computed(() => can(o.role.value, 'comments.write')),
    canDecide: computed(() => can(o.role.value, 'suggestions.decide')),
    canResolve: (t: ThreadView) => canResolveThread(o.role.value, o.me.id, t.authorId),
    isMine: (m: { authorId: string }) => m.authorId === o.me.id,
    /** May I change the text of this section (and so apply a suggestion in it)? */
    canEditText: (sectionId: string) => {
      const s = o.sections.value.find(x => x.id === sectionId)
      return !!s && canEditSectionText(o.role.value, s.status)
    },
  }

  // The highlights of each section editor read from here and hear about every change.
  const listeners = new Set<() => void>()
  watch([threads, activeId, draft], () => listeners.forEach(l => l()))
  const highlights: CommentHighlightSource = {
    threads(sectionId) {
      const out: HighlightThread[] = threads.value.filter(t => t.sectionId === sectionId).map(t => ({
        id: t.id,
        anchorStart: t.anchorStart,
        anchorEnd: t.anchorEnd,
        draw: t.status === 'open' ? (t.suggestion?.status === 'open' ? 'suggestion' : 'comment') : t.id === activeId.value ? 'comment' : 'none',
        suggestion: t.suggestion?.text,
      }))
      const d = draft.value
      if (d?.sectionId === sectionId) out.push({ id: DRAFT_ID, anchorStart: d.anchorStart, anchorEnd: d.anchorEnd, draw: 'draft' })
      return out
    },
    activeId: () => activeId.value,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reportRanges(sectionId, found) {
      const next = new Map(found)
      next.delete(DRAFT_ID)
      // Typing reports every 150 ms; only a real change re-renders the panel.
      if (!sameRanges(ranges.value[sectionId], next)) ranges.value = { ...ranges.value, [sectionId]: next }
    },
    select(ids) {
      const known = ids.filter(id => threads.value.some(t => t.id === id))
      if (!known.length) return
      // Clicking again where threads overlap moves to the next one.
      const at = known.indexOf(activeId.value ?? '')
      activeId.value = known[(at + 1) % known.length]!
      revealCard.value++
    },
  }

  const state = { threads, activeId, draft, filter, revealCard, ranges }
  const actions = commentActions({ ...o, ...state, rangeOf })

  // A link to a thread (`?thread=<id>`, from the inbox): focus it once it has loaded.
  const route = useRoute()
  const router = useRouter()
  const linked = computed(() => {
    const id = route.query.thread
    return (typeof id === 'string' && threads.value.find(x => x.id === id)) || null
  })
  watch(linked, (t) => {
    if (!t) return
    revealCard.value++
    void actions.showText(t)
    void router.replace({ query: { ...route.query, thread: undefined } })
  })

  const store = {
    ...state,
    ordered,
    visible,
    counts,
    openBySection,
    members,
    memberName,
    sectionTitle,
    rangeOf,
    isRemoved,
    currentText,
    highlights,
    ...permissions,
    me: o.me,
    role: o.role,
  }
  return { ...store, ...actions }
}

export type CommentsStore = ReturnType<typeof createCommentsStore>

/** Create the report page's comment store and make it available to its descendants. */
export function provideComments(options: CommentsOptions): CommentsStore {
  const store = createCommentsStore(options)
  provide(KEY, store)
  return store
}

/** The comment store of the surrounding report page. */
export function useComments(): CommentsStore {
  const store = inject(KEY, null)
  if (!store) throw new Error('useComments() outside the report page')
  return store
}

/** The comment store if there is one (the inbox button lives on pages with and without it). */
export function useCommentsIfAny(): CommentsStore | null {
  return inject(KEY, null)
}
