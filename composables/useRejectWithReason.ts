/**
 * Rejecting suggestions after asking for an optional reason, and the "Accept all by …" /
 * "Reject all by …" menu groups: the same for the comments list panel and the margin beside the
 * text (components/comments/CommentsTrackedChanges.vue, CommentsMargin.vue).
 */
import type { DropdownMenuItem } from '@nuxt/ui'
import type { SuggestionSelector } from '#shared/editor/decideSuggestions'

type Which = SuggestionSelector & { sectionId?: string }

export function useRejectWithReason() {
  const suggestions = useSuggestions()
  const { t } = useI18n()
  /** What the reason dialog will reject once confirmed. */
  const rejecting = ref<{ question: string, which: Which } | null>(null)
  const reason = ref('')
  const busy = ref(false)

  function askReject(question: string, which: Which) {
    reason.value = ''
    rejecting.value = { question, which }
  }
  function cancelReject() {
    rejecting.value = null
  }
  async function confirmReject() {
    if (!rejecting.value) return
    busy.value = true
    try {
      await suggestions.decide('reject', rejecting.value.which, reason.value)
      rejecting.value = null
    } finally {
      busy.value = false
    }
  }
  /** The dialog's open state (closing it cancels). */
  const dialogOpen = computed({ get: () => rejecting.value !== null, set: (v: boolean) => !v && cancelReject() })

  /** Accept all by each person, then reject all by each person (with the reason dialog). */
  const byAuthor = computed<DropdownMenuItem[][]>(() => [
    suggestions.authors.value.map(a => ({ label: t('tracked.acceptAllBy', { name: a.name, n: a.count }), icon: 'i-lucide-check-check', onSelect: () => void suggestions.decide('accept', { authorId: a.id }) })),
    suggestions.authors.value.map(a => ({ label: t('tracked.rejectAllBy', { name: a.name, n: a.count }), icon: 'i-lucide-x', onSelect: () => askReject(t('tracked.rejectQuestion', { what: t('tracked.everyBy', { name: a.name }) }), { authorId: a.id }) })),
  ])

  return { rejecting, reason, busy, askReject, cancelReject, confirmReject, dialogOpen, byAuthor }
}
