import type { Browser, Page } from 'playwright-core'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { NOTE_SIZE } from '../../shared/src/board/limits'
import { getNotes, getNoteText } from '../../shared/src/board/schema'
import { type Distribution, distribution } from '../infra/percentiles'
import { sleep } from '../infra/waitFor'
import { ourDriver } from '../render/appDrivers'
import { newBenchPage } from '../render/browser'
import { seededRandom } from '../render/journeyText'
import { seedBoard } from '../render/seedBoard'
import { connectOurProvider, whenSynced } from '../sync/ourProvider'
import type { OurServer } from '../sync/ourServer'

/**
 * Remote edit → pixels with 20 people on a workshop-sized board: two real browsers (A writes, B
 * watches) and 18 node `WebsocketProvider` peers that move their cursors at 5 Hz and edit a note every
 * 5 s, as a busy workshop does. For each edit, A inserts a marker into a note's Y.Text; B's Konva
 * layer draw is wrapped so the moment it first draws that note with the marker is recorded. Both
 * times are wall-clock (timeOrigin + now) of one machine, so they compare directly.
 */
export interface RemoteEditResult {
  people: number
  boardNotes: number
  /** A's write → B's pixels. */
  latencyMs: Distribution
  /** A's write → B's Y.Doc has the change (network, server, provider): the part before rendering. */
  toDocMs: Distribution
  /** A's write → a node peer's Y.Doc has it: network and server alone, no browser main thread. */
  toNodePeerMs: Distribution
  missed: number
}

interface EditWindow {
  __journeyboard?: { doc: Y.Doc }
  __benchPaintedAt?: number
  /** Resolves with the paint time, or undefined after the timeout: one wait instead of polling B. */
  __benchPainted?: Promise<number | undefined>
  __benchDocAt?: number
  __benchDrawScene?: (...args: unknown[]) => unknown
  Konva?: KonvaLike
}
interface KonvaNodeLike {
  id(): string
  text?(): string
  find(selector: string): KonvaNodeLike[]
  findOne(selector: (node: KonvaNodeLike) => boolean): KonvaNodeLike | undefined
  getClientRect(): { x: number; y: number; width: number; height: number }
}
interface KonvaLike {
  Layer: { prototype: { drawScene: (...args: unknown[]) => unknown } }
  stages: KonvaNodeLike[]
}

const boardNotes = 120
const peerCount = 18
const cursorHz = 5
const peerEditEveryMs = 5_000
const paintTimeoutMs = 5_000

interface Peers {
  /** Wall-clock time at which the first peer (a node process, no rendering) received `marker` in note `id`. */
  arrival(id: string, marker: string): () => number | undefined
  stop(): void
}

async function startPeers(server: OurServer, boardId: string, token: string): Promise<Peers> {
  const providers: WebsocketProvider[] = []
  const timers: NodeJS.Timeout[] = []
  const random = seededRandom(7)
  for (let i = 0; i < peerCount; i++) {
    const doc = new Y.Doc()
    const provider = connectOurProvider(server.port, boardId, token, doc)
    providers.push(provider)
    provider.awareness.setLocalState({
      user: { id: `bench-peer-${i}`, name: `Peer ${i + 1}`, color: '#4f46e5' },
      cursor: null,
      selection: [],
      editing: null,
      view: null,
    })
    timers.push(
      setInterval(() => {
        provider.awareness.setLocalStateField('cursor', { x: 300 + random() * 1500, y: 100 + random() * 900 })
      }, 1000 / cursorHz),
      setInterval(() => {
        const ids = [...getNotes(doc).keys()]
        const id = ids[Math.floor(random() * ids.length)]
        const text = id ? getNoteText(doc, id as `note:${string}`) : null
        if (text) doc.transact(() => text.insert(text.length, '.'))
      }, peerEditEveryMs),
    )
  }
  await Promise.all(providers.map((provider) => whenSynced(provider, 30_000)))
  const watcher = providers[0]?.doc
  return {
    arrival(id, marker) {
      let at: number | undefined
      const text = watcher ? getNoteText(watcher, id as `note:${string}`) : null
      const check = () => {
        if (at === undefined && text?.toString().includes(marker)) {
          at = performance.timeOrigin + performance.now()
          text.unobserve(check)
        }
      }
      text?.observe(check)
      return () => at
    },
    stop() {
      for (const timer of timers) clearInterval(timer)
      for (const provider of providers) {
        provider.destroy()
        provider.doc.destroy()
      }
    },
  }
}

/** In B: the id of a note drawn with its text nearest the screen's center. */
function pickVisibleNote(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const stage = (window as unknown as EditWindow).Konva?.stages[0]
    if (!stage) return null
    let best: { id: string; distance: number } | null = null
    for (const group of stage.find('.note')) {
      if (group.find('Text').length === 0) continue
      const rect = group.getClientRect()
      const distance = Math.hypot(rect.x + rect.width / 2 - 800, rect.y + rect.height / 2 - 450)
      if (!best || distance < best.distance) best = { id: group.id(), distance }
    }
    return best?.id ?? null
  })
}

/** In B: wrap Layer#drawScene so the first draw of `id` showing `marker` records its time. */
function armPaintProbe(page: Page, id: string, marker: string): Promise<void> {
  return page.evaluate(
    ({ id, marker, timeoutMs }) => {
      const w = window as unknown as EditWindow
      const proto = w.Konva?.Layer.prototype
      if (!proto) throw new Error('no Konva in the page')
      const original = w.__benchDrawScene ?? proto.drawScene
      w.__benchDrawScene = original
      w.__benchPaintedAt = undefined
      w.__benchDocAt = undefined
      let painted: (at: number | undefined) => void = () => {}
      w.__benchPainted = new Promise((resolve) => {
        painted = resolve
        setTimeout(() => resolve(undefined), timeoutMs)
      })
      const doc = w.__journeyboard?.doc
      const onUpdate = () => {
        const note = doc?.getMap('notes').get(id) as Y.Map<unknown> | undefined
        if (String(note?.get('text') ?? '').includes(marker)) {
          w.__benchDocAt = performance.timeOrigin + performance.now()
          doc?.off('update', onUpdate)
        }
      }
      doc?.on('update', onUpdate)
      proto.drawScene = function (this: KonvaNodeLike, ...args: unknown[]) {
        const result = original.apply(this, args)
        const group = this.findOne((node) => node.id() === id)
        if (group?.find('Text').some((t) => String(t.text?.() ?? '').includes(marker))) {
          w.__benchPaintedAt = performance.timeOrigin + performance.now()
          proto.drawScene = original
          painted(w.__benchPaintedAt)
        }
        return result
      }
    },
    { id, marker, timeoutMs: paintTimeoutMs },
  )
}

/** In A: insert the marker at the start of the note's text, as typing would; returns the wall-clock time. */
function writeMarker(page: Page, id: string, marker: string): Promise<number> {
  return page.evaluate(
    ({ id, marker }) => {
      const doc = (window as unknown as EditWindow).__journeyboard?.doc
      // The page's own Y.Doc; shared/'s accessors cannot be imported into the page, so the map is named here.
      const text = doc?.getMap('notes').get(id) as Y.Map<unknown> | undefined
      const ytext = text?.get('text') as Y.Text | undefined
      if (!doc || !ytext) throw new Error(`note ${id} not found in A`)
      const at = performance.timeOrigin + performance.now()
      doc.transact(() => ytext.insert(0, marker))
      return at
    },
    { id, marker },
  )
}

export async function measureRemoteEdit(
  browser: Browser,
  server: OurServer,
  edits: number,
): Promise<RemoteEditResult> {
  const board = await seedBoard(server, boardNotes, 'Remote edit workshop')
  const driver = ourDriver(
    () => `${server.baseUrl}/b/${board.id}#token=${board.editToken}`,
    NOTE_SIZE.defaultW,
  )
  const pageA = await newBenchPage(browser)
  const pageB = await newBenchPage(browser)
  let peers: Peers | undefined
  try {
    await driver.open(pageA, boardNotes)
    await driver.open(pageB, boardNotes)
    await driver.toReadable(pageB, boardNotes)
    peers = await startPeers(server, board.id, board.editToken)
    await sleep(1_000)
    const id = await pickVisibleNote(pageB)
    if (!id) throw new Error('no note with visible text in browser B')
    const latencies: number[] = []
    const toDoc: number[] = []
    const toNodePeer: number[] = []
    let missed = 0
    for (let i = 0; i < edits; i++) {
      const marker = `[edit ${i}] `
      await armPaintProbe(pageB, id, marker)
      const peerArrival = peers.arrival(id, marker)
      const writtenAt = await writeMarker(pageA, id, marker)
      // One evaluate that resolves on the paint: polling B every few ms would itself load its main thread.
      const paintedAt = await pageB.evaluate(() => (window as unknown as EditWindow).__benchPainted)
      if (paintedAt === undefined) missed++
      else latencies.push(paintedAt - writtenAt)
      const docAt = await pageB.evaluate(() => (window as unknown as EditWindow).__benchDocAt)
      if (docAt !== undefined) toDoc.push(docAt - writtenAt)
      const peerAt = peerArrival()
      if (peerAt !== undefined) toNodePeer.push(peerAt - writtenAt)
      // People do not type into one note every frame; a short pause keeps edits independent.
      await sleep(150)
    }
    return {
      people: 2 + peerCount,
      boardNotes,
      latencyMs: distribution(latencies),
      toDocMs: distribution(toDoc),
      toNodePeerMs: distribution(toNodePeer),
      missed,
    }
  } finally {
    peers?.stop()
    await pageA.context().close()
    await pageB.context().close()
  }
}
