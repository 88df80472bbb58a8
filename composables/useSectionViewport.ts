/**
 * Where the reader is in the report's scrolling column: which sections are near the viewport
 * (their editors get created; once created they stay) and which section is at the top of the
 * view (the outline highlights it, others see it in presence).
 */

/** Sections whose top edge lies in this band of the view count as "the one I am reading". */
const READING_BAND = '-15% 0px -75% 0px'
/** Editors are created this far ahead of the viewport. */
const NEAR_MARGIN = '150% 0px'

export function useSectionViewport(scroller: Ref<HTMLElement | undefined>, sectionIds: Ref<string[]>, onReading: (id: string) => void) {
  const near = shallowRef<ReadonlySet<string>>(new Set())
  let reading: IntersectionObserver | null = null
  let ahead: IntersectionObserver | null = null

  /** Count a section as near (e.g. the outline jumps to it) so its editor exists. */
  function markNear(id: string) {
    if (near.value.has(id)) return
    near.value = new Set([...near.value, id])
  }

  function observe() {
    reading?.disconnect()
    ahead?.disconnect()
    const root = scroller.value
    if (!root) return
    reading = new IntersectionObserver((entries) => {
      const top = entries.find(e => e.isIntersecting)
      const id = (top?.target as HTMLElement | undefined)?.dataset.sectionId
      if (id) onReading(id)
    }, { root, rootMargin: READING_BAND })
    ahead = new IntersectionObserver((entries) => {
      const ids = entries.filter(e => e.isIntersecting).map(e => (e.target as HTMLElement).dataset.sectionId!)
      if (ids.some(id => !near.value.has(id))) near.value = new Set([...near.value, ...ids])
    }, { root, rootMargin: NEAR_MARGIN })
    root.querySelectorAll('[data-section-id]').forEach((el) => {
      reading!.observe(el)
      ahead!.observe(el)
    })
  }

  watch(() => sectionIds.value.join(), () => nextTick(observe))
  watch(scroller, () => nextTick(observe))
  onUnmounted(() => {
    reading?.disconnect()
    ahead?.disconnect()
  })

  return { near, markNear }
}
