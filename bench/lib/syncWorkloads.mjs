/**
 * The workloads of the sync benchmark, each run against one server (syncServers.mjs) with
 * BenchClients (syncClient.mjs). Each returns plain numbers; sync.mjs takes medians and ratios.
 */
import * as Y from 'yjs'
import { BenchClient, now } from './syncClient.mjs'
import { cpuMs } from './syncServers.mjs'

const sleep = ms => new Promise(r => setTimeout(r, ms))
const WORDS = 'the committee recommends that the state party ensure every child access to education health care and protection from violence'.split(' ')

/** A page of text: 5 paragraphs of 100 words (about 3,000 characters). */
export function addPages(doc, fragmentName, pages) {
  const fragment = doc.getXmlFragment(fragmentName)
  doc.transact(() => {
    for (let p = 0; p < pages * 5; p++) {
      const words = Array.from({ length: 100 }, (_, i) => WORDS[(p * 7 + i * 3) % WORDS.length])
      const el = new Y.XmlElement('paragraph')
      el.insert(0, [new Y.XmlText(words.join(' '))])
      fragment.push([el])
    }
  })
}

/**
 * The state of a freshly created Chorus report (meta, one section, comments): pushed into the
 * peers' documents too, so every server holds the same report.
 */
export async function captureSeed(chorus) {
  const room = await chorus.newDoc()
  const c = new BenchClient({ protocol: chorus.protocol, url: room.url, docName: room.docName, headers: room.headers, index: 0 })
  await c.connect()
  const seed = Y.encodeStateAsUpdate(c.doc)
  c.close()
  return seed
}

/** A client of a new document holding a report: Chorus seeds its own; peers get `seed` pushed. */
async function reportClient(server, seed) {
  const room = await server.newDoc()
  const c = new BenchClient({ protocol: server.protocol, url: room.url, docName: room.docName, headers: room.headers, index: 0 })
  await c.connect()
  if (server.name !== 'Chorus' && seed) Y.applyUpdate(c.doc, seed)
  return { c, room }
}

function percentile(sorted, p) {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function connectAll(server, room, count, onToken) {
  const clients = Array.from({ length: count }, (_, index) => new BenchClient({
    protocol: server.protocol, url: room.url, docName: room.docName, headers: room.headers, index, onToken,
  }))
  for (let i = 0; i < clients.length; i += 10) await Promise.all(clients.slice(i, i + 10).map(c => c.connect()))
  return clients
}

/**
 * (a)/(b) Fan-out: `clients` clients on one document each send `updates` updates at `hz`.
 * Measures delivery latency of every update to every other client, the server's CPU time from
 * the first send until everything was delivered (or 10 s of silence), drain time after the last
 * send, and how many deliveries never arrived.
 */
export async function fanout(server, { clients: n, updates: m, hz }) {
  const room = await server.newDoc()
  const latencies = new Float64Array(n * (n - 1) * m)
  let delivered = 0
  let lastReceive = 0
  let measuring = false
  const clients = await connectAll(server, room, n, (_from, sentAt, receivedAt) => {
    if (!measuring) return
    latencies[delivered++] = receivedAt - sentAt
    lastReceive = receivedAt
  })
  // Each client's own paragraph, created before measuring.
  for (const c of clients) c.ownText(room.fragment(c))
  await sleep(1000)
  measuring = true
  const cpu0 = cpuMs(server.pid)
  const start = now()
  const period = 1000 / hz
  let lastSend = 0
  await Promise.all(clients.map(async (c) => {
    const offset = Math.random() * period
    for (let k = 0; k < m; k++) {
      const due = start + offset + k * period
      const wait = due - now()
      if (wait > 0) await sleep(wait)
      c.sendToken(room.fragment(c))
      lastSend = Math.max(lastSend, now())
    }
  }))
  const expected = n * (n - 1) * m
  for (let quiet = 0; delivered < expected && quiet < 100; quiet++) {
    const before = delivered
    await sleep(100)
    if (delivered !== before) quiet = 0
  }
  const cpu = cpuMs(server.pid) - cpu0
  const elapsed = now() - start
  const frames = clients.reduce((n, c) => n + c.updateFrames, 0)
  for (const c of clients) c.close()
  const sorted = Array.from(latencies.subarray(0, delivered)).sort((a, b) => a - b)
  return {
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    serverCpuMs: cpu,
    serverCpuPct: (100 * cpu) / elapsed,
    delivered,
    lost: expected - delivered,
    cpuPerDeliveredUs: (1000 * cpu) / Math.max(1, delivered),
    drainMs: Math.max(0, lastReceive - lastSend),
    updatesPerFrame: delivered / Math.max(1, frames),
  }
}

/**
 * (c) Memory: `reports` documents of `pages` pages, each opened by one client that writes the
 * content (peers also get a Chorus report's seed, see captureSeed). Growth per open document of
 * the resident set (RSS) and of the JS heap's objects (without compiled code, which belongs to
 * the process and grows as V8 optimises), both read after a full GC (every server runs with
 * --expose-gc), then again after every client left (`memoryAfterLeave`, once the caller has
 * waited). RSS rarely shrinks once grown (the allocator keeps freed pages), so "after leave" is
 * judged on the heap.
 */
export async function memoryOpen(server, { reports, pages }, seed) {
  // Warm up first (compiled code and caches belong to the process, not to a document).
  const warmups = []
  for (let i = 0; i < Math.max(3, reports / 4); i++) {
    const { c: w, room: warm } = await reportClient(server, seed)
    addPages(w.doc, warm.fragment(w), pages)
    warmups.push(w)
  }
  await sleep(500)
  for (const w of warmups) w.close()
  await sleep(7000) // past Chorus's idle unload (5 s)
  const base = await server.stats(true)
  const clients = []
  for (let i = 0; i < reports; i++) {
    const { c, room } = await reportClient(server, seed)
    addPages(c.doc, room.fragment(c), pages)
    clients.push(c)
  }
  await sleep(3000)
  const open = await server.stats(true)
  return { server, reports, clients, base, open }
}

/** Close the clients of `memoryOpen`; call `memoryAfterLeave` after waiting. */
export function memoryLeave(state) {
  for (const c of state.clients) c.close()
}

/** Per-document growth while open, and what is left of it after everyone left. */
export async function memoryAfterLeave({ server, reports, base, open }) {
  const after = await server.stats(true)
  return {
    rssPerReportBytes: (open.rss - base.rss) / reports,
    heapPerReportBytes: (open.heapObjects - base.heapObjects) / reports,
    rssAfterLeaveFraction: (after.rss - base.rss) / Math.max(1, open.rss - base.rss),
    heapAfterLeaveFraction: (after.heapObjects - base.heapObjects) / Math.max(1, open.heapObjects - base.heapObjects),
  }
}

/**
 * (d) Cold open (Chorus): a 100-page report stored as a snapshot plus 200 updates, not loaded;
 * time from the upgrade request to the client holding the server's state.
 */
export async function coldOpen(server, { pages, updates, repeats, unloadWaitMs }) {
  const room = await server.newDoc()
  const writer = new BenchClient({ protocol: server.protocol, url: room.url, docName: room.docName, headers: room.headers, index: 0 })
  await writer.connect()
  addPages(writer.doc, room.fragment(writer), pages)
  await sleep(500)
  const text = writer.ownText(room.fragment(writer))
  for (let k = 0; k < updates; k++) {
    text.insert(text.length, 'x')
    await sleep(2)
  }
  await sleep(500)
  writer.close()
  const times = []
  for (let r = 0; r < repeats; r++) {
    const deadline = Date.now() + unloadWaitMs + 20_000
    while ((await server.stats()).rooms > 0) {
      if (Date.now() > deadline) throw new Error('room was never unloaded')
      await sleep(250)
    }
    const reader = new BenchClient({ protocol: server.protocol, url: room.url, docName: room.docName, headers: room.headers, index: 1 })
    times.push(await reader.connect())
    reader.close()
  }
  return { coldOpenMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)], samples: times }
}

/**
 * (e) Bytes written to storage while one client types `keystrokes` single characters at `hz`
 * into a `pages`-page document (until 3 s after the last keystroke, the client still connected).
 */
export async function bytesPerKeystrokes(server, { keystrokes, hz, pages }, seed) {
  const { c, room } = await reportClient(server, seed)
  addPages(c.doc, room.fragment(c), pages)
  const text = c.ownText(room.fragment(c))
  await sleep(8_000) // let the writes of the initial content pass (Hocuspocus: debounce 2 s; Chorus: compaction after 5 s)
  const before = (await server.stats()).bytesWritten
  const start = now()
  for (let k = 0; k < keystrokes; k++) {
    const wait = start + (k * 1000) / hz - now()
    if (wait > 0) await sleep(wait)
    text.insert(Math.floor(text.length / 2), 'e')
  }
  await sleep(3000)
  const after = (await server.stats()).bytesWritten
  c.close()
  return { bytesPer1000Keystrokes: ((after - before) * 1000) / keystrokes }
}
