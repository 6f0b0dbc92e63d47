import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readLanes, readNotes, readStages } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { keepOfflineCopy } from './offlineCopy'

describe('offline copy', () => {
  it('brings back a board and its offline edits in a new session (a reload)', async () => {
    const first = new Y.Doc()
    const copy = keepOfflineCopy('board-1', first)
    await copy.loaded
    applyTemplate(first, 'customer-lifecycle', { title: 'T' })
    createNote(first, { stageId: readStages(first)[0]!.id, laneId: readLanes(first)[0]!.id, text: 'offline' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await copy.destroy()

    const reloaded = new Y.Doc()
    const again = keepOfflineCopy('board-1', reloaded)
    await again.loaded
    expect(readNotes(reloaded).map((n) => n.text)).toEqual(['offline'])
    await again.destroy()

    const other = new Y.Doc()
    const otherCopy = keepOfflineCopy('board-2', other)
    await otherCopy.loaded
    expect(readStages(other)).toEqual([])
    await otherCopy.destroy()
  })
})
