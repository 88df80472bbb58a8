/**
 * Find and replace across the whole report (the report page's find bar, Ctrl+F / Ctrl+H).
 *
 * Every section is searched, rendered or not: a section with a live editor is searched in the
 * editor's document, any other one in a ProseMirror document read from its Y.XmlFragment (cached
 * until the fragment changes), with the same matcher (shared/editor/findReplace.ts), so positions
 * agree once its editor exists. When a match becomes current its section is revealed (shown in
 * "One section" mode, its editor created), the editor draws the matches and the current one is
 * scrolled into view. Replacing goes through the section's editor, so Suggesting mode's transform
 * (a reviewer's, or anyone's with the mode on) turns it into a tracked deletion + insertion;
 * sections I may not edit and matches in suggested deletions are skipped, and counted.
 */
import type * as Y from 'yjs'
import type { Editor } from '@tiptap/vue-3'
import type { Node as PmNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { yXmlFragmentToProseMirrorRootNode, ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { findInTextblocks, replaceMatches, setFindHighlights, textblocks } from '#shared/editor/findReplace'
import type { FindOptions, TextMatch, TextblockText } from '#shared/editor/findReplace'
import type { Section } from '#shared/schemas/report'
import type { SectionEditors } from './useSectionEditors'

/** Why I may not replace in a section (a key under `findReplace.blocked.*`), or null. */
export type ReplaceBlock = 'final' | 'readOnly' | null

export interface ReportMatch extends TextMatch { sectionId: string }

/** What the last Replace / Replace all did, for the bar's message. */
export interface ReplaceOutcome {
  replaced: number
  /** Replacements made as suggestions (Suggesting mode). */
  suggested: boolean
  /** Matches in sections I may not edit, by reason. */
  blocked: { final: number, readOnly: number }
  /** Matches in text already suggested for deletion. */
  inDeletion: number
}

export interface FindReplaceContext {
  doc: Ref<Y.Doc | null>
  sections: Ref<Section[]>
  editors: SectionEditors
  blockOf: (section: Section) => ReplaceBlock
  /** Show this section (one-section mode) and create its editor. */
  reveal: (sectionId: string) => Promise<void>
  /** Create this section's editor without showing it. */
  prepare: (sectionId: string) => void
}

const SEARCH_DELAY_MS = 120
const EDITOR_WAIT_MS = 8000

/** The editor of a section once it has rendered its fragment, or null. */
function boundEditor(editors: SectionEditors, sectionId: string): Editor | null {
  const editor = editors.editors.get(sectionId)
  if (!editor || editor.isDestroyed) return null
  try {
    const sync = ySyncPluginKey.getState(editor.state) as { type?: Y.XmlFragment, binding?: { mapping: Map<unknown, unknown> } | null } | undefined
    if (!sync?.binding) return null
    if (sync.binding.mapping.size === 0 && (sync.type?.length ?? 0) > 0) return null
    return editor
  } catch {
    return null
  }
}

export function createFindReplace(ctx: FindReplaceContext) {
  const open = ref(false)
  const replaceOpen = ref(false)
  const query = ref('')
  const replacement = ref('')
  const matchCase = ref(false)
  const wholeWord = ref(false)
  const matches = shallowRef<ReportMatch[]>([])
  const current = ref(-1)
  const outcome = ref<ReplaceOutcome | null>(null)
  const busy = ref(false)

  const options = (): FindOptions => ({ matchCase: matchCase.value, wholeWord: wholeWord.value })

  // ---- reading the sections ----

  /** Textblocks per section read from its fragment; dropped when the fragment changes. */
  const fragmentBlocks = new Map<string, TextblockText[]>()
  const unobserve = new Map<string, () => void>()

  function observe() {
    const doc = ctx.doc.value
    if (!doc) return
    const ids = new Set(ctx.sections.value.map(s => s.id))
    for (const [id, stop] of unobserve) {
      if (!ids.has(id)) {
        stop()
        unobserve.delete(id)
        fragmentBlocks.delete(id)
      }
    }
    for (const id of ids) {
      if (unobserve.has(id)) continue
      const fragment = doc.getXmlFragment(sectionFragmentName(id))
      const changed = () => {
        fragmentBlocks.delete(id)
        schedule()
      }
      fragment.observeDeep(changed)
      unobserve.set(id, () => fragment.unobserveDeep(changed))
    }
  }
  function stopObserving() {
    for (const stop of unobserve.values()) stop()
    unobserve.clear()
    fragmentBlocks.clear()
  }

  function blocksOf(sectionId: string): TextblockText[] {
    const editor = boundEditor(ctx.editors, sectionId)
    if (editor) return textblocks(editor.state.doc)
    let blocks = fragmentBlocks.get(sectionId)
    if (!blocks) {
      const doc = ctx.doc.value
      if (!doc) return []
      let node: PmNode
      try {
        node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(sectionFragmentName(sectionId)), chorusSchema())
      } catch {
        return []
      }
      blocks = textblocks(node)
      fragmentBlocks.set(sectionId, blocks)
    }
    return blocks
  }

  function sectionMatches(sectionId: string): ReportMatch[] {
    return findInTextblocks(blocksOf(sectionId), query.value, options()).map(m => ({ ...m, sectionId }))
  }

  // ---- searching ----

  let timer: ReturnType<typeof setTimeout> | null = null
  function schedule() {
    if (!open.value) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      search('keep')
    }, SEARCH_DELAY_MS)
  }

  /**
   * Search every section again. `keep`: the current match stays the one at (or after) the same
   * place; `caret`: the first match from the caret on (a new query, as in Word).
   */
  function search(how: 'keep' | 'caret') {
    const before = matches.value[current.value] ?? null
    const list = ctx.sections.value.flatMap(s => sectionMatches(s.id))
    matches.value = list
    if (!list.length) current.value = -1
    else if (how === 'keep' && before) current.value = indexFrom(list, before.sectionId, before.from)
    else current.value = fromCaret(list)
    draw()
    if (how === 'caret' && current.value >= 0) void showCurrent(false)
  }

  const order = (sectionId: string) => ctx.sections.value.findIndex(s => s.id === sectionId)

  /** The first match at or after `pos` of `sectionId` in report order (wrapping around). */
  function indexFrom(list: ReportMatch[], sectionId: string, pos: number): number {
    const o = order(sectionId)
    const i = list.findIndex(m => order(m.sectionId) > o || (m.sectionId === sectionId && m.from >= pos))
    return i < 0 ? 0 : i
  }

  function fromCaret(list: ReportMatch[]): number {
    const id = ctx.editors.activeId.value
    const editor = id ? ctx.editors.editors.get(id) : null
    if (!id || !editor || editor.isDestroyed) return 0
    return indexFrom(list, id, editor.state.selection.from)
  }

  // ---- drawing ----

  /** What each editor draws now (by section), so an unchanged editor is not redrawn. */
  const drawn = new Map<string, string>()
  function draw() {
    const bySection = new Map<string, ReportMatch[]>()
    for (const m of matches.value) {
      const list = bySection.get(m.sectionId) ?? []
      list.push(m)
      bySection.set(m.sectionId, list)
    }
    const cur = matches.value[current.value] ?? null
    for (const [sectionId, editor] of ctx.editors.editors) {
      if (!boundEditor(ctx.editors, sectionId)) continue
      const list = open.value ? bySection.get(sectionId) ?? [] : []
      const currentIndex = cur && cur.sectionId === sectionId ? list.indexOf(cur) : -1
      const signature = `${currentIndex}:${list.map(m => `${m.from}-${m.to}`).join(',')}`
      if (drawn.get(sectionId) === signature) continue
      drawn.set(sectionId, signature)
      editor.view.dispatch(setFindHighlights(editor.state.tr, { matches: list, current: currentIndex }))
    }
  }

  // An editor created later (scrolled near) draws the matches once it has rendered its text.
  let pendingDraw = 0
  watch(() => [...ctx.editors.editors.keys()].join(), () => {
    for (const id of [...drawn.keys()]) if (!ctx.editors.editors.has(id)) drawn.delete(id)
    if (!open.value) return
    const ticket = ++pendingDraw
    const started = Date.now()
    const tick = () => {
      if (ticket !== pendingDraw || !open.value) return
      const waiting = [...ctx.editors.editors.keys()].some(id => !boundEditor(ctx.editors, id))
      search('keep')
      if (waiting && Date.now() - started < EDITOR_WAIT_MS) setTimeout(tick, 50)
    }
    setTimeout(tick, 0)
  })

  /** Wait until a section's editor exists and shows its text. */
  async function editorFor(sectionId: string, show: boolean): Promise<Editor | null> {
    if (show) await ctx.reveal(sectionId)
    else ctx.prepare(sectionId)
    const started = Date.now()
    for (;;) {
      const editor = boundEditor(ctx.editors, sectionId)
      if (editor) return editor
      if (Date.now() - started > EDITOR_WAIT_MS) return null
      await new Promise(resolve => setTimeout(resolve, 30))
    }
  }

  /** Reveal the current match: its section shown, its editor drawing it, scrolled into view. */
  async function showCurrent(selectIt: boolean) {
    const m = matches.value[current.value]
    if (!m) return
    const editor = await editorFor(m.sectionId, true)
    if (!editor || matches.value[current.value] !== m) return
    draw()
    await nextTick()
    const el = editor.view.dom.querySelector('.chorus-find-match.is-current')
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches
    el?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
    if (selectIt && m.to <= editor.state.doc.content.size) {
      editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, m.from, m.to)))
    }
  }

  function step(by: 1 | -1) {
    const n = matches.value.length
    if (!n) return
    current.value = current.value < 0 ? (by > 0 ? 0 : n - 1) : (current.value + by + n) % n
    draw()
    void showCurrent(false)
  }

  // ---- replacing ----

  const sectionById = (id: string) => ctx.sections.value.find(s => s.id === id) ?? null
  const blockOf = (sectionId: string): ReplaceBlock => {
    const s = sectionById(sectionId)
    return s ? ctx.blockOf(s) : 'readOnly'
  }

  /** Matches I could not replace now, by reason: for the bar's note before replacing. */
  const blockedNow = computed(() => {
    const out = { final: 0, readOnly: 0, inDeletion: 0 }
    for (const m of matches.value) {
      const block = blockOf(m.sectionId)
      if (block) out[block]++
      else if (m.inDeletion) out.inDeletion++
    }
    return out
  })

  /** Replace `which` of a section's matches in its editor, as one undo step. */
  async function replaceIn(sectionId: string, which: (list: ReportMatch[]) => ReportMatch[], show: boolean): Promise<{ done: number, caret: number | null } | null> {
    const editor = await editorFor(sectionId, show)
    if (!editor) return null
    const list = which(findInTextblocks(textblocks(editor.state.doc), query.value, options()).map(m => ({ ...m, sectionId })))
    if (!list.length) return { done: 0, caret: null }
    const undo = yUndoPluginKey.getState(editor.state) as { undoManager?: { stopCapturing: () => void } } | undefined
    undo?.undoManager?.stopCapturing()
    const tr = editor.state.tr
    const done = replaceMatches(tr, list, replacement.value)
    if (!done) return { done: 0, caret: null }
    const last = list.filter(m => !m.inDeletion).reduce((a, b) => (b.from > a.from ? b : a))
    tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(last.to)))
    editor.view.dispatch(tr)
    undo?.undoManager?.stopCapturing()
    // Suggesting mode leaves the caret after the proposed text; editing, after the new text.
    return { done, caret: editor.state.selection.to }
  }

  const emptyOutcome = (): ReplaceOutcome => ({ replaced: 0, suggested: ctx.editors.suggesting.value, blocked: { final: 0, readOnly: 0 }, inDeletion: 0 })

  /** Replace the current match, then go to the next one. */
  async function replaceCurrent() {
    const m = matches.value[current.value]
    if (!m || busy.value) return
    busy.value = true
    const result = emptyOutcome()
    try {
      const block = blockOf(m.sectionId)
      if (block) {
        result.blocked[block]++
        step(1)
        return
      }
      if (m.inDeletion) {
        result.inDeletion++
        step(1)
        return
      }
      const done = await replaceIn(m.sectionId, list => list.filter(x => x.from === m.from && x.to === m.to), true)
      result.replaced = done?.done ?? 0
      const list = ctx.sections.value.flatMap(s => sectionMatches(s.id))
      matches.value = list
      current.value = list.length ? indexFrom(list, m.sectionId, done?.caret ?? m.to) : -1
      draw()
      if (current.value >= 0) await showCurrent(false)
    } finally {
      outcome.value = result
      busy.value = false
    }
  }

  /** Replace every match I may replace: one undo step per section. */
  async function replaceAll() {
    if (busy.value || !matches.value.length) return
    busy.value = true
    const result = emptyOutcome()
    try {
      const sectionIds = [...new Set(matches.value.map(m => m.sectionId))]
      for (const sectionId of sectionIds) {
        const block = blockOf(sectionId)
        if (block) {
          result.blocked[block] += matches.value.filter(m => m.sectionId === sectionId).length
          continue
        }
        const done = await replaceIn(sectionId, (list) => {
          result.inDeletion += list.filter(m => m.inDeletion).length
          return list
        }, false)
        result.replaced += done?.done ?? 0
      }
      search('keep')
    } finally {
      outcome.value = result
      busy.value = false
    }
  }

  // ---- opening and closing ----

  /** Where the caret was when the bar opened: Escape returns there when nothing was found. */
  let returnTo: string | null = null

  function show(withReplace: boolean) {
    returnTo = ctx.editors.activeId.value
    const editor = returnTo ? ctx.editors.editors.get(returnTo) : null
    // As in Word: the selected words are what to look for.
    if (editor && !editor.isDestroyed && !editor.state.selection.empty) {
      const { from, to } = editor.state.selection
      const text = editor.state.doc.textBetween(from, to, ' ')
      if (text.length <= 200 && !text.includes('\n')) query.value = text
    }
    if (withReplace) replaceOpen.value = true
    if (!open.value) {
      open.value = true
      observe()
      search('caret')
    }
  }

  /** Close the bar; the text gets the focus back, with the current match selected. */
  async function close() {
    const m = matches.value[current.value] ?? null
    open.value = false
    outcome.value = null
    pendingDraw++
    draw()
    stopObserving()
    drawn.clear()
    const editor = m ? boundEditor(ctx.editors, m.sectionId) : null
    if (m && editor && m.to <= editor.state.doc.content.size) {
      const select = editor.chain().setTextSelection({ from: m.from, to: m.to })
      if (editor.isEditable) {
        select.focus(undefined, { scrollIntoView: true }).run()
        return
      }
      select.run()
    }
    const back = returnTo ? ctx.editors.editors.get(returnTo) : null
    if (back && !back.isDestroyed && back.isEditable) {
      back.commands.focus(undefined, { scrollIntoView: false })
      return
    }
    // A read-only section (its text cannot take the focus): its title, as the outline does.
    const sectionId = m?.sectionId ?? returnTo
    if (sectionId) document.getElementById(`section-title-${sectionId}`)?.focus({ preventScroll: true })
  }

  watch([query, matchCase, wholeWord], () => {
    outcome.value = null
    if (open.value) search('caret')
  })
  watch(() => ctx.sections.value.map(s => s.id).join(), () => {
    if (!open.value) return
    observe()
    schedule()
  })

  onUnmounted(() => {
    if (timer) clearTimeout(timer)
    stopObserving()
  })

  return {
    open,
    replaceOpen,
    query,
    replacement,
    matchCase,
    wholeWord,
    matches,
    current,
    outcome,
    busy,
    blockedNow,
    canReplace: computed(() => ctx.sections.value.some(s => !ctx.blockOf(s))),
    show,
    close,
    next: () => step(1),
    previous: () => step(-1),
    replaceCurrent,
    replaceAll,
    selectCurrent: () => showCurrent(true),
  }
}

export type FindReplace = ReturnType<typeof createFindReplace>
