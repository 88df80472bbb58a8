/**
 * Review threads drawn in a section editor: open threads' text highlighted, an open suggestion
 * as the old text struck through followed by the proposed text (old → new), the thread being
 * written, and a stronger mark on the focused thread. Clicking highlighted text focuses its thread.
 *
 * Ranges come from the threads' Yjs anchors. They are resolved again whenever the threads change
 * and after every remote change; a local edit maps the drawn ranges at once and resolves them
 * again a moment later (the binding writes the edit to Yjs only after this plugin has run).
 * The resolved ranges are reported back, so the panel knows where each thread is, or that its
 * text is gone.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { quoteOf, resolveAnchors } from './commentAnchors'
import type { Anchors, TextRange } from './commentAnchors'
import { interfaceT } from '~~/utils/interfaceI18n'
import './comments.css'

/** Where a thread's text is now, and what it reads. */
export interface LocatedText extends TextRange { text: string }

export interface HighlightThread extends Anchors {
  id: string
  /** How to draw it: an open comment, an open suggestion (old → new), the draft, or not at all. */
  draw: 'comment' | 'suggestion' | 'draft' | 'none'
  suggestion?: string
}

/** Where the highlights read threads from and report ranges to (composables/useComments.ts). */
export interface CommentHighlightSource {
  threads: (sectionId: string) => HighlightThread[]
  activeId: () => string | null
  /** Called on every change of threads, focus or draft; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void
  reportRanges: (sectionId: string, ranges: Map<string, LocatedText | null>) => void
  /** Highlighted text was clicked: the threads drawn there, innermost first. */
  select: (threadIds: string[]) => void
}

export interface CommentHighlightsOptions {
  sectionId: string
  source: CommentHighlightSource | null
}

interface HighlightState { decorations: DecorationSet, ranges: Map<string, LocatedText | null>, stale: boolean }

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')
const RECOMPUTE = 'recompute'
const LOCAL_SETTLE_MS = 150
const CLASS_PREFIX = 'chorus-comment-t-'

/** The proposed text, shown after the struck-through original. Text only, never markup. */
function renderSuggestion(threadId: string, text: string): HTMLElement {
  const el = document.createElement('ins')
  el.className = 'chorus-suggestion-new'
  el.dataset.threadId = threadId
  el.title = interfaceT('comments.suggestedReplacement')
  el.textContent = text || interfaceT('comments.deleteShort')
  return el
}

function compute(state: EditorState, options: CommentHighlightsOptions, previous: HighlightState | null): HighlightState {
  const source = options.source
  const ranges = new Map<string, LocatedText | null>()
  const decorations: Decoration[] = []
  if (!source) return { decorations: DecorationSet.empty, ranges, stale: false }
  const active = source.activeId()
  for (const t of source.threads(options.sectionId)) {
    const range = resolveAnchors(state, t)
    // Not bound to Yjs yet: keep what is drawn until the binding has rendered.
    if (range === undefined) return previous ?? { decorations: DecorationSet.empty, ranges, stale: false }
    ranges.set(t.id, range && { ...range, text: quoteOf(state.doc, range) })
    if (!range || t.draw === 'none') continue
    const classes = t.draw === 'draft'
      ? ['chorus-comment-draft']
      : ['chorus-comment', CLASS_PREFIX + t.id, ...(t.id === active ? ['is-active'] : []), ...(t.draw === 'suggestion' ? ['chorus-suggestion-old'] : [])]
    decorations.push(Decoration.inline(range.from, range.to, { class: classes.join(' '), ...(t.draw === 'draft' ? {} : { 'data-thread-id': t.id }) }, { threadId: t.id }))
    if (t.draw === 'suggestion') {
      const text = t.suggestion ?? ''
      decorations.push(Decoration.widget(range.to, () => renderSuggestion(t.id, text), { side: 1, key: `suggestion:${t.id}:${text}`, ignoreSelection: true, marks: [] }))
    }
  }
  return { decorations: DecorationSet.create(state.doc, decorations), ranges, stale: false }
}

function mapped(prev: HighlightState, tr: Transaction): HighlightState {
  const ranges = new Map<string, LocatedText | null>()
  for (const [id, r] of prev.ranges) {
    const from = r ? tr.mapping.map(r.from, 1) : 0
    const to = r ? tr.mapping.map(r.to, -1) : 0
    // The text is read again when the ranges are resolved (stale ranges are never reported).
    ranges.set(id, r && from < to ? { from, to, text: r.text } : null)
  }
  return { decorations: prev.decorations.map(tr.mapping, tr.doc), ranges, stale: true }
}

/** Thread ids drawn at a clicked element: its own highlight first, then enclosing ones. */
function threadIdsAt(target: EventTarget | null, root: HTMLElement): string[] {
  const ids: string[] = []
  for (let el = target instanceof Element ? target : null; el && el !== root; el = el.parentElement) {
    if (el instanceof HTMLElement && el.dataset.threadId && el.classList.contains('chorus-suggestion-new')) ids.push(el.dataset.threadId)
    el.classList.forEach(c => c.startsWith(CLASS_PREFIX) && ids.push(c.slice(CLASS_PREFIX.length)))
  }
  return [...new Set(ids)]
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions: () => ({ sectionId: '', source: null }),
  addProseMirrorPlugins() {
    const options = this.options
    return [new Plugin<HighlightState>({
      key: commentHighlightsKey,
      state: {
        init: (_, state) => compute(state, options, null),
        apply(tr, prev, _old, state) {
          const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
          if (tr.getMeta(commentHighlightsKey) === RECOMPUTE || sync?.isChangeOrigin) return compute(state, options, prev)
          return tr.docChanged ? mapped(prev, tr) : prev
        },
      },
      props: {
        decorations: state => commentHighlightsKey.getState(state)?.decorations,
        handleClick(view, _pos, event) {
          const ids = threadIdsAt(event.target, view.dom)
          if (ids.length) options.source?.select(ids)
          return false
        },
      },
      view(view) {
        let timer: ReturnType<typeof setTimeout> | null = null
        let reported: HighlightState['ranges'] | null = null
        const recompute = () => {
          timer = null
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, RECOMPUTE))
        }
        const schedule = (ms: number) => {
          if (timer) clearTimeout(timer)
          timer = setTimeout(recompute, ms)
        }
        const report = () => {
          const s = commentHighlightsKey.getState(view.state)
          if (!s || s.ranges === reported || s.stale) return
          reported = s.ranges
          options.source?.reportRanges(options.sectionId, s.ranges)
        }
        const unsubscribe = options.source?.subscribe(() => schedule(0)) ?? (() => {})
        schedule(0)
        return {
          update() {
            if (commentHighlightsKey.getState(view.state)?.stale && !timer) schedule(LOCAL_SETTLE_MS)
            report()
          },
          destroy() {
            unsubscribe()
            if (timer) clearTimeout(timer)
          },
        }
      },
    })]
  },
})
