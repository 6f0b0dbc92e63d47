import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard, removeLane } from '../board/schema'
import { applyTemplate } from '../templates/applyTemplate'
import { buildGridScene, buildScene } from './buildScene'
import { NOTE_INK } from './palette'

describe('buildScene', () => {
  it('draws headers, cells and notes with their text and inks', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'Onboarding map' })
    const { stages, lanes } = readBoard(doc)
    createNote(doc, { stageId: stages[0]!.id, laneId: lanes[4]!.id, text: 'Offer a trial' })
    const scene = buildScene(readBoard(doc))
    expect(scene.title).toBe('Onboarding map')
    expect(scene.stageHeaders.map((h) => h.text)).toContain('Awareness')
    expect(scene.laneHeaders.map((h) => h.text)).toContain('Opportunities')
    expect(scene.cells).toHaveLength(30)
    expect(scene.notes).toEqual([
      expect.objectContaining({ text: 'Offer a trial', fill: NOTE_INK.green.fill }),
    ])
  })

  it('builds the same grid from the layout alone (what the canvas draws on its static layer)', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'blank', { title: 'B' })
    const { title: _title, notes: _notes, layout, ...grid } = buildScene(readBoard(doc))
    expect(buildGridScene(layout)).toEqual(grid)
  })

  it('labels the Unsorted row under the grid when a lane holding notes is removed', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'U' })
    const { stages, lanes } = readBoard(doc)
    createNote(doc, { stageId: stages[1]!.id, laneId: lanes[2]!.id, text: 'Feels lost' })
    removeLane(doc, lanes[2]!.id)
    const scene = buildScene(readBoard(doc))
    const unsorted = scene.laneHeaders.at(-1)!
    expect(unsorted).toMatchObject({ text: 'Unsorted', y: scene.layout.unsorted!.y })
    expect(unsorted.caption).toMatch(/removed/)
    expect(scene.notes).toEqual([expect.objectContaining({ text: 'Feels lost' })])
    expect(scene.notes[0]!.y).toBeGreaterThanOrEqual(unsorted.y)
  })
})
