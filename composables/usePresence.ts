/**
 * Who is in the report and in which section, from the provider's awareness. The hub overwrites
 * every `user` field with the account's id, name and colour, so what we show is never what a
 * client claims. Several tabs of one person count once.
 */
import type { WebsocketProvider } from 'y-websocket'
import type { LiveUser } from './useReportDoc'

export interface Peer extends LiveUser {
  /** The section the person is writing in or last looked at, if any. */
  section: string | null
  isMe: boolean
}

interface AwarenessState { user?: Partial<LiveUser>, section?: string | null }

const isColor = (c: unknown): c is string => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)

export function usePresence(provider: Ref<WebsocketProvider | null>, me: LiveUser) {
  const peers = shallowRef<Peer[]>([])
  let cleanup = () => {}
  let lastSignature = ''

  watch(provider, (p) => {
    cleanup()
    if (!p) return
    const read = () => {
      const byUser = new Map<string, Peer>()
      for (const [clientId, raw] of p.awareness.getStates()) {
        const s = raw as AwarenessState
        const id = s.user?.id
        if (typeof id !== 'string' || !s.user?.name) continue
        const isMe = clientId === p.awareness.clientID
        const known = byUser.get(id)
        // The tab that reports a section (or this tab) wins over an idle one.
        if (known && (known.section || !s.section) && !isMe) continue
        byUser.set(id, {
          id,
          name: String(s.user.name),
          color: isColor(s.user.color) ? s.user.color : '#64748b',
          section: typeof s.section === 'string' ? s.section : null,
          isMe: id === me.id,
        })
      }
      if (!byUser.has(me.id)) byUser.set(me.id, { ...me, section: null, isMe: true })
      const next = [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name))
      // Awareness changes with every caret move; re-render only when who or where changed.
      const signature = JSON.stringify(next)
      if (signature === lastSignature) return
      lastSignature = signature
      peers.value = next
    }
    p.awareness.on('change', read)
    read()
    cleanup = () => p.awareness.off('change', read)
  }, { immediate: true })
  onUnmounted(() => cleanup())

  /** Tell the others which section I am in. */
  function setMySection(sectionId: string | null) {
    const p = provider.value
    if (p && p.awareness.getLocalState()?.section !== sectionId) p.awareness.setLocalStateField('section', sectionId)
  }

  /** The people (me excluded) in each section. */
  const peersBySection = computed(() => {
    const out: Record<string, Peer[]> = {}
    for (const peer of peers.value) {
      if (peer.isMe || !peer.section) continue
      ;(out[peer.section] ??= []).push(peer)
    }
    return out
  })

  return { peers, peersBySection, setMySection }
}
