/**
 * Resizing a figure by its handle: dragged with the pointer (the picture follows, one change is
 * written when the pointer is let go) or with the keyboard on the handle, a slider (arrows: 10 px,
 * with Shift 50 px; Home: smallest; End: fit the column). A width at or over the column's is
 * stored as null, "fit the column", so the figure follows the page rather than a screen.
 */
import { FIGURE_MIN_WIDTH } from '#shared/editor/figure'

export interface FigureResizeInput {
  /** The stored width (null = fit the column). */
  width: () => number | null
  naturalWidth: () => number | null
  /** Dragging from the centre moves both edges: the pointer's travel counts twice. */
  centred: () => boolean
  /** The column the figure sits in. */
  column: () => HTMLElement | null
  commit: (width: number | null) => void
}

export function useFigureResize(input: FigureResizeInput) {
  /** The width shown while dragging, before it is written. */
  const dragWidth = ref<number | null>(null)
  const columnWidth = () => Math.max(FIGURE_MIN_WIDTH, input.column()?.clientWidth ?? 0)
  /** The width the figure has on screen now. */
  const shownWidth = () => Math.min(columnWidth(), dragWidth.value ?? input.width() ?? input.naturalWidth() ?? columnWidth())
  const normalise = (w: number) => {
    const rounded = Math.round(Math.max(FIGURE_MIN_WIDTH, w))
    return rounded >= columnWidth() ? null : rounded
  }

  let start = { x: 0, width: 0 }
  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0) return
    event.preventDefault()
    const handle = event.currentTarget as HTMLElement
    handle.setPointerCapture(event.pointerId)
    start = { x: event.clientX, width: shownWidth() }
    dragWidth.value = start.width
    const move = (e: PointerEvent) => {
      const dx = (e.clientX - start.x) * (input.centred() ? 2 : 1)
      dragWidth.value = Math.min(columnWidth(), Math.max(FIGURE_MIN_WIDTH, start.width + dx))
    }
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      handle.removeEventListener('pointercancel', up)
      const final = dragWidth.value
      dragWidth.value = null
      if (final !== null && final !== start.width) input.commit(normalise(final))
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
    handle.addEventListener('pointercancel', up)
  }

  function onKeyDown(event: KeyboardEvent) {
    const step = event.shiftKey ? 50 : 10
    const now = shownWidth()
    const next = event.key === 'ArrowRight' || event.key === 'ArrowUp'
      ? now + step
      : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? now - step
        : event.key === 'Home' ? FIGURE_MIN_WIDTH : event.key === 'End' ? columnWidth() : null
    if (next === null) return
    event.preventDefault()
    event.stopPropagation()
    input.commit(normalise(next))
  }

  return { dragWidth, shownWidth, columnWidth, onPointerDown, onKeyDown }
}
