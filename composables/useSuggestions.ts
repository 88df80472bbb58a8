/**
 * The open suggestions (tracked changes) of the report, live from its Y.Doc through the one
 * reader in shared/ (re-read only for the sections a transaction touched, at most every 300 ms),
 * and what the comments panel does with them: accept or reject one, a section's, or all by one
 * person — each as ONE ProseMirror transaction per section editor, recorded as a decision thread
 * for the disposition CSV in the same Yjs transaction, and one undo step in that section — and reply. Created once by the report page.
 */
import * as Y from 'yjs'
import type { InjectionKey } from 'vue'
import type { Editor } from '@tiptap/vue-3'
import { sectionFragmentName } from '#shared/docNames'
import { readSuggestions } from '#shared/editor/readSuggestions'
import type { SuggestionEntry, YRunCache } from '#shared/editor/readSuggestions'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { decideSuggestions, decisionEntangles } from '#shared/editor/decideSuggestions'
import type { SuggestionSelector } from '#shared/editor/decideSuggestions'
import { recordSuggestionDecisions, replyToSuggestion } from '#shared/suggestionThreads'
import type { RecordedDecisions } from '#shared/suggestionThreads'
import { can, canEditSectionText } from '#shared/permissions'
import type { Role } from '#shared/permissions'
import type { Section } from '#shared/schemas/report'
import { anchorsReady } from '~/components/comments/commentAnchors'
import { interfaceT } from '~~/utils/interfaceI18n'
import { SUGGESTION_DECISION } from './editor/suggestingMode'
import { decisionUndoManager } from './editor/decisionUndo'
import { SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from '#shared/editor/suggestionMarks'
import type { SectionEditors } from './useSectionEditors'

export interface SuggestionsOptions {
  doc: Ref<Y.Doc | null>
  me: { id: string, name: string }
  role: Ref<Role | null>
  sections: Ref<Section[]>
  editors: SectionEditors
  reveal: (sectionId: string) => void | Promise<void>
}

const KEY: InjectionKey<SuggestionsStore> = Symbol('suggestions')
const READ_MS = 300
const EDITOR_WAIT_MS = 4000

function createSuggestionsStore(o: SuggestionsOptions) {
  // Created in the report page's setup: the toast that offers to undo a report-wide decision.
  const toast = useToast()
  const bySection = shallowRef<Record<string, SuggestionEntry[]>>({})
  /** Each paragraph's text runs, dropped when a transaction changes that paragraph. */
  let runs: YRunCache = new WeakMap()
  let dirty = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let cleanup = () => {}

  const read = () => {
    timer = null
    const doc = o.doc.value
    if (!doc) return
    const next = { ...bySection.value }
    for (const id of dirty) next[id] = readSuggestions(doc.getXmlFragment(sectionFragmentName(id)), id, runs)
    dirty = new Set()
    bySection.value = next
  }
  const markDirty = (id: string) => {
    dirty.add(id)
    timer ??= setTimeout(read, READ_MS)
  }
  watch([o.doc, o.sections], ([doc, sections]) => {
    cleanup()
    if (!doc) return
    runs = new WeakMap()
    for (const s of sections) if (!(s.id in bySection.value)) markDirty(s.id)
    const onTransaction = (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) if (type instanceof Y.XmlText) runs.delete(type)
      const changed = tr.changedParentTypes as Map<unknown, unknown>
      for (const s of o.sections.value) if (changed.has(doc.getXmlFragment(sectionFragmentName(s.id)))) markDirty(s.id)
    }
    doc.on('afterTransaction', onTransaction)
    cleanup = () => doc.off('afterTransaction', onTransaction)
  }, { immediate: true })
  onScopeDispose(() => {
    cleanup()
    if (timer) clearTimeout(timer)
  })

  /** Every open suggestion, section by section in report order. */
  const entries = computed(() => o.sections.value.flatMap(s => bySection.value[s.id] ?? []))
  /** Who has open suggestions, with how many, for "Accept all by …". */
  const authors = computed(() => {
    const out = new Map<string, { id: string, name: string, count: number }>()
    for (const e of entries.value) {
      const a = out.get(e.authorId) ?? { id: e.authorId, name: e.wordAuthor ? interfaceT('tracked.inWord', { name: e.wordAuthor }) : e.authorName, count: 0 }
      a.count++
      out.set(e.authorId, a)
    }
    return [...out.values()]
  })
  /** May I accept or reject suggestions in this section (it changes the text)? */
  const canDecideIn = (sectionId: string) => {
    const s = o.sections.value.find(x => x.id === sectionId)
    return !!s && can(o.role.value, 'suggestions.decide') && canEditSectionText(o.role.value, s.status)
  }

  async function editorFor(sectionId: string): Promise<Editor | null> {
    const ready = () => {
      const e = o.editors.editors.get(sectionId)
      return e && !e.isDestroyed && anchorsReady(e.state) ? e : null
    }
    if (!ready()) await o.reveal(sectionId)
    for (const until = Date.now() + EDITOR_WAIT_MS; Date.now() < until; await new Promise(r => setTimeout(r, 50))) {
      const e = ready()
      if (e) return e
    }
    return null
  }

  /**
   * Accept or reject the suggestions `which` selects, in `sectionIds` (default: every section
   * holding one). Returns how many were decided.
   */
  async function decide(decision: 'accept' | 'reject', which: SuggestionSelector & { sectionId?: string }, reason?: string): Promise<number> {
    const doc = o.doc.value
    if (!doc) return 0
    const ids = which.sectionId ? [which.sectionId] : [...new Set(entries.value.filter(e => (!which.id || e.id === which.id) && (!which.authorId || e.authorId === which.authorId)).map(e => e.sectionId))]
    let decided = 0
    /** The undo step each section's history took for this decision (several sections: one Undo for all). */
    const steps: Array<{ um: Y.UndoManager, item: unknown }> = []
    for (const sectionId of ids.filter(canDecideIn)) {
      const editor = await editorFor(sectionId)
      if (!editor) continue
      const selector = { id: which.id, authorId: which.authorId }
      const chosen = readSuggestions(editor.state.doc, sectionId).filter(e => (!selector.id || e.id === selector.id) && (!selector.authorId || e.authorId === selector.authorId))
      if (!chosen.length) continue
      // One Yjs transaction per section — the text change and its records, so the hub takes both
      // or neither — and one step in that section's undo history (composables/editor/decisionUndo.ts).
      // A decision that would delete another suggestion with it stays out of the history: its undo
      // would re-create that suggestion in this person's update, which the hub refuses.
      const um = decisionEntangles(editor.state.doc, decision, selector) ? null : decisionUndoManager(editor)
      const tr = editor.state.tr
      decideSuggestions(tr, decision, selector)
      um?.stopCapturing()
      let recorded: RecordedDecisions | null = null
      doc.transact(() => {
        editor.view.dispatch(tr.setMeta(SUGGESTION_DECISION, true).setMeta('addToHistory', !!um))
        recorded = recordSuggestionDecisions(doc, chosen, { status: decision === 'accept' ? 'accepted' : 'rejected', decider: o.me, reason: reason?.trim() || undefined })
      }, ySyncPluginKey)
      if (um && recorded) {
        const { decisions, discussions } = recorded as RecordedDecisions
        um.addToScope([...decisions, ...discussions])
        um.stopCapturing()
        steps.push({ um, item: um.undoStack.at(-1) })
      }
      // The button pressed is gone with the suggestion: the text it was about has the focus, so
      // Ctrl+Z right after undoes the decision.
      if (which.id) editor.commands.focus()
      decided += chosen.length
    }
    if (steps.length > 1) offerUndo(decision, decided, steps)
    return decided
  }

  /**
   * "Accept all by …" across sections is one decision: each section's history holds its part (Ctrl+Z
   * there undoes that part), and the toast's Undo takes back every part at once — each only while
   * it is still the last step of its section (what someone did since is never undone with it).
   */
  function offerUndo(decision: 'accept' | 'reject', decided: number, steps: Array<{ um: Y.UndoManager, item: unknown }>) {
    toast.add({
      title: interfaceT(decision === 'accept' ? 'tracked.acceptedMany' : 'tracked.rejectedMany', { n: decided, sections: steps.length }, decided),
      color: 'success',
      duration: 10_000,
      actions: [{
        label: interfaceT('tracked.undoMany'),
        onClick: () => {
          for (const { um, item } of steps) if (um.undoStack.at(-1) === item) um.undo()
        },
      }],
    })
  }

  function reply(entry: SuggestionEntry, body: string, mentions: string[] = []) {
    const doc = o.doc.value
    if (doc) replyToSuggestion(doc, entry, { author: o.me, body, mentions })
  }

  /** Put the caret on the suggestion's text. */
  async function show(entry: SuggestionEntry) {
    const editor = await editorFor(entry.sectionId)
    if (!editor) return
    let at: number | null = null
    editor.state.doc.descendants((node, pos) => {
      if (at === null && node.isText && node.marks.some(m => m.attrs.id === entry.id && (m.type.name === 'insertion' || m.type.name === 'deletion'))) at = pos
      // A suggested paragraph break: the start of the paragraph after it.
      if (at === null && node.isTextblock && [node.attrs[SUGGESTED_SPLIT], node.attrs[SUGGESTED_JOIN]].some(v => paragraphSuggestion(v)?.id === entry.id)) at = pos + 1
      return at === null
    })
    if (at !== null) editor.chain().focus().setTextSelection(at).scrollIntoView().run()
  }

  return { entries, bySection, authors, canDecideIn, decide, reply, show, canDecide: computed(() => can(o.role.value, 'suggestions.decide')) }
}

export type SuggestionsStore = ReturnType<typeof createSuggestionsStore>

/** Create the report page's suggestion store and make it available below it. */
export function provideSuggestions(options: SuggestionsOptions): SuggestionsStore {
  const store = createSuggestionsStore(options)
  provide(KEY, store)
  return store
}

/** The suggestion store of the surrounding report page. */
export function useSuggestions(): SuggestionsStore {
  const store = inject(KEY, null)
  if (!store) throw new Error('useSuggestions() outside the report page')
  return store
}
