/**
 * Remote typists for bench/editor.mjs: stock y-websocket clients in Node (as the integration tests'
 * YClient: the session cookie and Origin on the upgrade, BroadcastChannel off), each signed in as its
 * own author, each typing one character every `intervalMs` at the end of a paragraph in the middle of
 * its own section and moving its caret there (awareness `cursor` as y-tiptap writes it, `section` as
 * the page does) — what the browser receives when five people write elsewhere in the report.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

/** A WebSocket class sending a cookie and Origin with the upgrade. */
export function socketClass(cookie, origin) {
  return class extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: origin } })
    }
  }
}

/** A connected stock client of `reportId`; resolves once synced. */
export async function connectClient(base, reportId, cookie, { awareness = true } = {}) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/api/collab`, reportId, doc, {
    WebSocketPolyfill: socketClass(cookie, base),
    disableBc: true,
    maxBackoffTime: 500,
  })
  if (!awareness) provider.awareness.setLocalState(null)
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in 30 s')), 30_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return { doc, provider, destroy: () => { provider.destroy(); doc.destroy() } }
}

/** The XmlText of the paragraph in the middle of a section body (the last text of it). */
function middleText(fragment) {
  const blocks = fragment.toArray().filter(n => n instanceof Y.XmlElement && n.nodeName === 'paragraph')
  const p = blocks[Math.floor(blocks.length / 2)]
  if (!p) throw new Error('a section without paragraphs')
  const texts = p.toArray().filter(n => n instanceof Y.XmlText)
  return texts[texts.length - 1]
}

const LETTERS = 'the coalition asks the state party to publish data every year '

/**
 * Start `clients` typing: each one `{ client, sectionId }`. Returns stop(), resolving with the
 * number of characters typed.
 */
export function startTyping(clients, intervalMs = 200) {
  let typed = 0
  const timers = clients.map(({ client, sectionId }, k) => {
    const text = middleText(client.doc.getXmlFragment(`section:${sectionId}`))
    client.provider.awareness.setLocalStateField('section', sectionId)
    let i = 0
    const tick = () => {
      const at = text.length
      text.insert(at, LETTERS[i++ % LETTERS.length])
      typed++
      const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at + 1))
      client.provider.awareness.setLocalStateField('cursor', { anchor: pos, head: pos })
    }
    // Spread the clients over the interval, as people do not type in step.
    let timer
    const start = setTimeout(() => {
      tick()
      timer = setInterval(tick, intervalMs)
    }, (k * intervalMs) / clients.length)
    return () => {
      clearTimeout(start)
      clearInterval(timer)
    }
  })
  return async () => {
    timers.forEach(stop => stop())
    return typed
  }
}
