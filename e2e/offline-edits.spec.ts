import * as Y from 'yjs'
import { offlineCopyName } from '../client/src/doc/offlineCopy'
import { type BoardPage, openBoardAs } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

/** The texts of the notes in a page's IndexedDB copy of the board: what a reload with no network shows. */
async function notesInOfflineCopy(person: BoardPage, boardId: string): Promise<string[]> {
  const updates = await person.page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const opening = indexedDB.open(name)
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const db = opening.result
          // y-indexeddb keeps the document as a list of Yjs updates in its 'updates' store.
          const reading = db.transaction('updates', 'readonly').objectStore('updates').getAll()
          reading.onerror = () => reject(reading.error)
          reading.onsuccess = () => {
            db.close()
            resolve((reading.result as Uint8Array[]).map((update) => Array.from(update)))
          }
        }
      }),
    offlineCopyName(boardId),
  )
  const copy = new Y.Doc()
  for (const update of updates) Y.applyUpdate(copy, Uint8Array.from(update))
  return [...copy.getMap<Y.Map<unknown>>('notes').values()].map((note) => String(note.get('text')))
}

test('edits made offline, across a reload, merge both ways when the network returns', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Train ride')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const carol = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Before the tunnel')
  await expect(bob.note('Before the tunnel')).toBeAttached()
  // The offline app shell must be installed before the network goes.
  await alice.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

  await alice.page.context().setOffline(true)
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await alice.addNote('Written in the tunnel')
  await expect(alice.status).toContainText(/not synced/)
  await bob.addNote('Bob meanwhile')

  // A reload without a network: the shell comes from the service worker, the board from IndexedDB, once
  // the note written offline is stored there (y-indexeddb stores each update in a transaction of its own,
  // which a reload can cut short).
  await expect.poll(() => notesInOfflineCopy(alice, board.id)).toContain('Written in the tunnel')
  await alice.page.reload()
  await expect(alice.page.locator('body[data-board-ready="true"]')).toBeAttached({ timeout: 20_000 })
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await expect(alice.note('Before the tunnel')).toBeAttached()
  await expect(alice.note('Written in the tunnel')).toBeAttached()
  await expect(alice.note('Bob meanwhile')).toHaveCount(0)

  // More offline work after the reload: a new note and an edit of an old one.
  await alice.addNote('Still underground')
  await alice.startEditing('Before the tunnel')
  await alice.page.keyboard.press('End')
  await alice.page.keyboard.type(', and after')
  await alice.page.keyboard.press('Escape')
  await carol.addNote('Carol meanwhile')

  await alice.page.context().setOffline(false)
  await expect(alice.status).toHaveAttribute('data-status', 'connected', { timeout: 20_000 })
  const everything = [
    'Before the tunnel, and after',
    'Written in the tunnel',
    'Still underground',
    'Bob meanwhile',
    'Carol meanwhile',
  ]
  for (const person of [alice, bob, carol]) {
    for (const text of everything) await expect(person.note(text)).toBeAttached()
    await expect(person.notes).toHaveCount(everything.length)
  }
  await expect(alice.status).not.toContainText(/not synced/)
})
