/**
 * The text a member has selected for a comment: the section editor that holds the browser's
 * selection (read-only editors, a reviewer's, never take focus, so the DOM selection is what
 * counts), where to float the "Comment" menu, and the Ctrl+Alt+M shortcut (Word's and Docs' habit).
 */
import type { Editor } from '@tiptap/vue-3'
import type { TextRange } from '~/components/comments/commentAnchors'
import type { SectionEditors } from './useSectionEditors'

export interface SelectionTarget { sectionId: string, editor: Editor, range: TextRange }
/** Where the selection is on screen (viewport coordinates). */
export interface SelectionBox { sectionId: string, top: number, bottom: number, left: number, right: number }

/** The non-empty selection of a section editor that holds the browser's selection or the focus. */
export function currentSelection(registry: SectionEditors): SelectionTarget | null {
  const dom = document.getSelection()
  for (const [sectionId, editor] of registry.editors) {
    if (editor.isDestroyed) continue
    const root = editor.view.dom
    const holds = !!dom && dom.rangeCount > 0 && !dom.isCollapsed && root.contains(dom.anchorNode) && root.contains(dom.focusNode)
    if (!holds && !editor.view.hasFocus()) continue
    const { from, to, empty } = editor.state.selection
    if (!empty) return { sectionId, editor, range: { from, to } }
  }
  return null
}

/** Is this key event the comment shortcut (Ctrl+Alt+M, ⌘⌥M on a Mac)? */
export const isCommentShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyM'

/**
 * Track the selection while the component lives: `box` is where the selection is (null when
 * nothing is selected or the mouse is still selecting). `onShortcut` runs on Ctrl+Alt+M.
 */
export function useCommentSelection(registry: SectionEditors, onShortcut: () => void) {
  const box = shallowRef<SelectionBox | null>(null)
  let selecting = false
  let frame = 0

  function measure() {
    frame = 0
    const target = selecting ? null : currentSelection(registry)
    if (!target) {
      box.value = null
      return
    }
    const { view } = target.editor
    const start = view.coordsAtPos(target.range.from, 1)
    const end = view.coordsAtPos(target.range.to, -1)
    box.value = { sectionId: target.sectionId, top: Math.min(start.top, end.top), bottom: Math.max(start.bottom, end.bottom), left: Math.min(start.left, end.left), right: Math.max(start.right, end.right) }
  }
  const schedule = () => {
    frame ||= requestAnimationFrame(measure)
  }
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element | null)?.closest?.('[data-comment-menu]')) return
    selecting = true
    box.value = null
  }
  const onPointerUp = () => {
    selecting = false
    // Let ProseMirror read the new DOM selection first.
    setTimeout(schedule, 0)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (!isCommentShortcut(e)) return
    e.preventDefault()
    onShortcut()
  }

  onMounted(() => {
    document.addEventListener('selectionchange', schedule)
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('pointerup', onPointerUp, true)
    window.addEventListener('scroll', schedule, true)
    window.addEventListener('resize', schedule)
    window.addEventListener('keydown', onKeyDown)
  })
  onUnmounted(() => {
    document.removeEventListener('selectionchange', schedule)
    document.removeEventListener('pointerdown', onPointerDown, true)
    document.removeEventListener('pointerup', onPointerUp, true)
    window.removeEventListener('scroll', schedule, true)
    window.removeEventListener('resize', schedule)
    window.removeEventListener('keydown', onKeyDown)
    if (frame) cancelAnimationFrame(frame)
  })

  return { box, refresh: schedule }
}
