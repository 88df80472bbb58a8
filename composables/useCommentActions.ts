/**
 * What a member does with review threads, each as one Yjs transaction through shared/commentsDoc.
 * The browser checks the same rules as the hub's guard first (shared/permissions.ts), so the hub
 * never has to refuse one of our changes (a refusal closes the socket and makes the text read-only).
 */
import type * as Y from 'yjs'
import type { Editor } from '@tiptap/vue-3'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { addReply, addThread, decideSuggestion, deleteMessage, editMessage, setResolved } from '#shared/commentsDoc'
import type { ThreadView } from '#shared/commentsDoc'
import { can, canResolveThread } from '#shared/permissions'
import type { Role } from '#shared/permissions'
import { anchorsFor, anchorsReady, quoteOf, resolveAnchors, withinOneTextblock } from '~/components/comments/commentAnchors'
import type { LocatedText } from '~/components/comments/commentHighlights'
import { currentSelection } from './useCommentSelection'
import type { CommentDraft, CommentsOptions } from './useComments'

/** Suggestions replace at most this much text (all of it is kept as the thread's quote). */
export const SUGGESTION_MAX_CHARS = 500

export type StartResult = 'ok' | 'no-selection' | 'not-ready' | 'several-paragraphs' | 'too-long' | 'not-allowed'
export type AcceptResult =
  | { ok: true }
  | { ok: false, reason: 'unavailable' | 'locked' | 'removed' }
  | { ok: false, reason: 'changed', current: string }

interface ActionContext extends CommentsOptions {
  activeId: Ref<string | null>
  draft: Ref<CommentDraft | null>
  revealCard: Ref<number>
  rangeOf: (t: ThreadView) => LocatedText | null | undefined
}

/** Newlines of a suggestion become spaces: a suggestion replaces text inside one paragraph. */
export const singleLineSuggestion = (text: string) => text.replace(/\s*\n\s*/g, ' ')

/** How long to wait for a section's editor to be created and bound after revealing it. */
const EDITOR_WAIT_MS = 4000

export function commentActions(c: ActionContext) {
  /** The section's editor, bound to its text: revealed and waited for when not created yet. */
  async function editorFor(sectionId: string): Promise<Editor | null> {
    const ready = () => {
      const e = c.editors.editors.get(sectionId)
      return e && !e.isDestroyed && anchorsReady(e.state) ? e : null
    }
    if (ready()) return ready()
    await c.reveal?.(sectionId)
    for (const until = Date.now() + EDITOR_WAIT_MS; Date.now() < until;) {
      const e = ready()
      if (e) return e
      await new Promise(r => setTimeout(r, 50))
    }
    return null
  }

  const role = () => c.role.value as Role | null
  const author = () => ({ id: c.me.id, name: c.me.name })
  const withDoc = (f: (doc: Y.Doc) => void) => {
    const doc = c.doc.value
    if (doc) f(doc)
  }

  /** Begin a thread on the text selected in a section (the panel then shows its composer). */
  function startDraft(kind: CommentDraft['kind']): StartResult {
    if (!can(role(), 'comments.write')) return 'not-allowed'
    const target = currentSelection(c.editors)
    if (!target) return 'no-selection'
    const { editor, sectionId, range } = target
    const quote = quoteOf(editor.state.doc, range)
    if (!quote.trim()) return 'no-selection'
    if (kind === 'suggestion' && !withinOneTextblock(editor.state.doc, range)) return 'several-paragraphs'
    if (kind === 'suggestion' && quote.length > SUGGESTION_MAX_CHARS) return 'too-long'
    const anchors = anchorsFor(editor.state, range)
    if (!anchors) return 'not-ready'
    c.draft.value = { sectionId, kind, quote, ...anchors }
    c.activeId.value = null
    c.revealCard.value++
    return 'ok'
  }

  function cancelDraft() {
    c.draft.value = null
  }

  /** Post the draft as a new thread; returns its id. */
  function submitDraft(body: string, mentions: string[], suggestion?: string): string | null {
    const d = c.draft.value
    const doc = c.doc.value
    if (!d || !doc || !can(role(), 'comments.write')) return null
    const id = addThread(doc, {
      sectionId: d.sectionId,
      anchorStart: d.anchorStart,
      anchorEnd: d.anchorEnd,
      quote: d.quote,
      author: author(),
      body: body.trim(),
      mentions,
      suggestion: d.kind === 'suggestion' ? singleLineSuggestion(suggestion ?? '') : undefined,
    })
    c.draft.value = null
    c.activeId.value = id
    return id
  }

  const reply = (t: ThreadView, body: string, mentions: string[]) =>
    withDoc(doc => addReply(doc, t.id, { author: author(), body: body.trim(), mentions }))

  /** Edit one's own message (`replyId` null for the thread's first message). */
  const edit = (t: ThreadView, replyId: string | null, body: string, mentions: string[]) =>
    withDoc(doc => editMessage(doc, t.id, replyId, body.trim(), mentions))

  /** Delete one's own message: a first message takes its thread with it. */
  function remove(t: ThreadView, replyId: string | null) {
    withDoc(doc => deleteMessage(doc, t.id, replyId))
    if (replyId === null && c.activeId.value === t.id) c.activeId.value = null
  }

  function resolve(t: ThreadView, resolved: boolean) {
    if (!canResolveThread(role(), c.me.id, t.authorId)) return
    withDoc(doc => setResolved(doc, t.id, resolved, c.me.id))
  }

  /**
   * Apply a suggestion as an ordinary edit in the section's editor (so it is in my undo history)
   * and record the decision in the same Yjs transaction: the hub takes both or neither.
   * When the text at the anchor is no longer the quoted text, nothing happens and the current
   * text is returned; `confirmedCurrent` applies anyway, only if the text is still what was shown.
   */
  async function accept(t: ThreadView, confirmedCurrent?: string): Promise<AcceptResult> {
    const editor = await editorFor(t.sectionId)
    const doc = c.doc.value
    if (!editor || !doc || !t.suggestion || t.suggestion.status !== 'open' || !can(role(), 'suggestions.decide')) return { ok: false, reason: 'unavailable' }
    if (!editor.isEditable) return { ok: false, reason: 'locked' }
    const range = resolveAnchors(editor.state, t)
    if (!range) return { ok: false, reason: range === null ? 'removed' : 'unavailable' }
    const current = quoteOf(editor.state.doc, range)
    if (current !== t.quote && current !== confirmedCurrent) return { ok: false, reason: 'changed', current }
    const text = singleLineSuggestion(t.suggestion.text)
    // y-tiptap writes the editor's change to Yjs inside this transaction (nested transactions
    // join the outer one); its origin is the one the editor's undo manager tracks.
    doc.transact(() => {
      const tr = editor.state.tr
      if (text) tr.insertText(text, range.from, range.to)
      else tr.delete(range.from, range.to)
      editor.view.dispatch(tr)
      decideSuggestion(doc, t.id, { status: 'accepted', userId: c.me.id })
    }, ySyncPluginKey)
    return { ok: true }
  }

  function reject(t: ThreadView, reason: string) {
    if (!can(role(), 'suggestions.decide')) return
    withDoc(doc => doc.transact(() => decideSuggestion(doc, t.id, { status: 'rejected', userId: c.me.id, reason: reason.trim() })))
  }

  /** Focus a thread from the panel: select its text in the section and scroll to it. */
  async function showText(t: ThreadView) {
    c.activeId.value = t.id
    const editor = await editorFor(t.sectionId)
    const range = editor ? resolveAnchors(editor.state, t) : null
    if (!editor || !range || c.activeId.value !== t.id) return
    await c.reveal?.(t.sectionId)
    editor.commands.setTextSelection(range)
    const { node } = editor.view.domAtPos(range.from)
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node as HTMLElement
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches
    el?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
  }

  return { startDraft, cancelDraft, submitDraft, reply, edit, remove, resolve, accept, reject, showText }
}
