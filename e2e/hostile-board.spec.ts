import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openBoardAs } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

/** A stock y-websocket client on the board, once it has synced. */
async function connect(
  baseUrl: string,
  boardId: string,
  token: string,
  doc: Y.Doc,
): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${baseUrl.replace('http', 'ws')}/ws`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return provider
}

/** Another client — old, newer or hostile — writes what it likes; the sync layer relays any valid update. */
async function writeAsAnotherClient(
  baseUrl: string,
  boardId: string,
  token: string,
  edit: (doc: Y.Doc) => void,
) {
  const doc = new Y.Doc()
  const writer = await connect(baseUrl, boardId, token, doc)
  edit(doc)
  // The server holds the edit once a client that joins after it has received all of it; only then may
  // the writer leave.
  const reader = new Y.Doc()
  const readerProvider = await connect(baseUrl, boardId, token, reader)
  const clock = (of: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(of)).get(doc.clientID) ?? 0
  await expect.poll(() => clock(reader)).toBe(clock(doc))
  readerProvider.destroy()
  writer.destroy()
}

test('a board holding junk from a hostile client still opens, draws the good notes, and keeps working', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Hostile input')
  await writeAsAnotherClient(server.baseUrl, board.id, board.editToken, (doc) => {
    const stages = doc.getMap<Y.Map<unknown>>('stages')
    const lanes = doc.getMap<Y.Map<unknown>>('lanes')
    const stageId = [...stages.keys()][0]!
    const laneId = [...lanes.keys()][0]!
    const notes = doc.getMap<unknown>('notes')
    doc.transact(() => {
      const good = new Y.Map<unknown>()
      good.set('stageId', stageId)
      good.set('laneId', laneId)
      good.set('order', 'V')
      good.set('text', new Y.Text('A real note'))
      notes.set('note:good', good)
      const huge = new Y.Map<unknown>()
      huge.set('stageId', stageId)
      huge.set('laneId', laneId)
      huge.set('order', 'W')
      huge.set('w', Number.POSITIVE_INFINITY)
      huge.set('h', -5)
      huge.set('color', { not: 'a color' })
      huge.set('text', new Y.Text('x'.repeat(1_000_000)))
      notes.set('note:huge', huge)
      notes.set('note:not-a-map', 'just a string')
      const orphan = new Y.Map<unknown>()
      orphan.set('stageId', 'stage:gone')
      orphan.set('laneId', laneId)
      orphan.set('order', 'X')
      orphan.set('text', new Y.Text('Its stage was deleted'))
      notes.set('note:orphan', orphan)
      notes.set('garbage-key', new Y.Map())
      stages.set('stage:broken', new Y.Map())
      doc.getMap('meta').set('title', 42)
      doc.getArray('aFeatureFromTheFuture').push([1, 2, 3])
    })
  })

  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await expect(alice.note('A real note')).toBeAttached()
  await expect(alice.note('Its stage was deleted')).toBeAttached()
  await expect(alice.notes).toHaveCount(3)
  await expect(alice.page.getByRole('alert')).toHaveCount(0)
  // And the board still works.
  await alice.addNote('Still editable')
  await expect(alice.note('Still editable')).toBeAttached()
  expect(alice.pageErrors).toEqual([])
})
