import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addChip, chipsInCell, moveChip, readChips, removeChip, updateChip } from './chip'

describe('chips', () => {
  it('adds chips to a cell in order, edits, moves and removes them', () => {
    const doc = new Y.Doc()
    const cell = { laneId: 'lane:c', stageId: 'stage:a' } as const
    const web = addChip(doc, { ...cell, channel: 'web' })
    const other = addChip(doc, { ...cell, channel: 'custom', label: 'Kiosk' })
    expect(chipsInCell(doc, cell.laneId, cell.stageId).map((c) => c.id)).toEqual([web, other])
    updateChip(doc, web, { channel: 'email', label: ' Newsletter ' })
    expect(readChips(doc).find((c) => c.id === web)).toMatchObject({ channel: 'email', label: 'Newsletter' })
    updateChip(doc, web, { label: null })
    expect(readChips(doc).find((c) => c.id === web)?.label).toBeUndefined()
    moveChip(doc, other, { ...cell, order: '1' })
    expect(chipsInCell(doc, cell.laneId, cell.stageId).map((c) => c.id)).toEqual([other, web])
    moveChip(doc, web, { laneId: 'lane:c', stageId: 'stage:b', order: 'V' })
    expect(chipsInCell(doc, 'lane:c', 'stage:b').map((c) => c.id)).toEqual([web])
    removeChip(doc, other)
    expect(readChips(doc).map((c) => c.id)).toEqual([web])
  })

  it('reads an unknown channel as custom', () => {
    const doc = new Y.Doc()
    const id = addChip(doc, { laneId: 'lane:c', stageId: 'stage:a', channel: 'web' })
    doc.getMap('chips').get(id) instanceof Y.Map &&
      (doc.getMap('chips').get(id) as Y.Map<unknown>).set('channel', 'fax')
    expect(readChips(doc)[0]?.channel).toBe('custom')
  })
})
