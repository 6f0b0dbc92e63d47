import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUnsyncedChanges, type SyncSource } from './unsyncedChanges'

function fakeProvider() {
  const listeners = new Set<(synced: boolean) => void>()
  const provider = {
    synced: true,
    on: (_: 'sync', l: (synced: boolean) => void) => listeners.add(l),
    off: (_: 'sync', l: (synced: boolean) => void) => listeners.delete(l),
    emit: (synced: boolean) => {
      provider.synced = synced
      for (const l of listeners) l(synced)
    },
  }
  return provider as SyncSource & { synced: boolean; emit: (synced: boolean) => void }
}

describe('countUnsyncedChanges', () => {
  it('counts the entries changed locally while not synced, and forgets them after a sync', () => {
    const doc = new Y.Doc()
    const provider = fakeProvider()
    const counter = countUnsyncedChanges(doc, provider, (origin) => origin === provider)
    doc.transact(() => doc.getMap('m').set('a', 1), 'local')
    expect(counter.getSnapshot()).toBe(0)
    provider.emit(false)
    doc.transact(() => doc.getMap('m').set('b', 1), 'local')
    doc.transact(() => doc.getMap('m').set('c', 1), provider)
    doc.transact(() => doc.getMap('m').set('d', 1), 'local')
    expect(counter.getSnapshot()).toBe(2)
    // Typing into one nested text counts once, however many keystrokes.
    const text = new Y.Text()
    doc.transact(() => doc.getMap('m').set('note', text), 'local')
    for (const ch of 'hello') doc.transact(() => text.insert(text.length, ch), 'local')
    expect(counter.getSnapshot()).toBe(3)
    provider.emit(true)
    expect(counter.getSnapshot()).toBe(0)
    counter.destroy()
  })
})
