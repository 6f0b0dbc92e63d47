import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getLaneKind } from '../board/laneKinds/registry'
import { createNote, readBoard, removeLane, renameLane } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { GRID } from '../layout/grid'
import { buildGridScene, buildScene, UNSORTED_CAPTION, UNSORTED_TITLE } from './buildScene'
import type { PathItem, RectItem, SceneItem, TextItem } from './items'
import { NOTE_INK } from './palette'
import { LANE_HEADER_TEXT, laneTitleHeight } from './textStyle'

const texts = (items: SceneItem[]) => items.filter((i): i is TextItem => i.kind === 'text')
const rects = (items: SceneItem[]) => items.filter((i): i is RectItem => i.kind === 'rect')

function lifecycle(title = 'Onboarding map'): Y.Doc {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title })
  return doc
}

describe('buildScene', () => {
  it('draws the board, a tinted cell per stage × lane, every header, then the notes on top', () => {
    const doc = lifecycle()
    const { stages, lanes } = readBoard(doc)
    const id = createNote(doc, { stageId: stages[0]!.id, laneId: lanes[4]!.id, text: 'Offer a trial' })
    const scene = buildScene(readBoard(doc))
    expect(scene.title).toBe('Onboarding map')

    const [board] = scene.items
    expect(board).toMatchObject({ kind: 'rect', x: 0, y: 0, w: scene.width, h: scene.height, radius: 14 })
    expect((board as RectItem).shadow).toBeDefined()
    const cells = rects(scene.items).filter((r) => r.layer === 'grid' && r.w === scene.layout.stages[0]!.w)
    const tints = cells.map((c) => c.fill)
    for (const lane of scene.layout.lanes) {
      expect(tints.filter((t) => t === getLaneKind(lane.kind).scene.cellTint)).toHaveLength(6)
    }

    const stageTitles = texts(scene.items).filter((t) => t.record?.startsWith('stage:'))
    expect(stageTitles.map((t) => t.text)).toEqual(stages.map((s) => s.title.toUpperCase()))
    expect(stageTitles[0]).toMatchObject({
      wrap: 'none',
      ellipsis: true,
      verticalAlign: 'middle',
      fontWeight: 600,
    })
    const laneTitles = texts(scene.items).filter((t) => t.record?.startsWith('lane:'))
    expect(laneTitles.map((t) => t.text)).toEqual(lanes.map((l) => l.title))
    // Each lane header's strip echoes its kind.
    for (const lane of scene.layout.lanes) {
      expect(rects(scene.items)).toContainEqual(
        expect.objectContaining({
          x: 0,
          y: lane.y,
          w: LANE_HEADER_TEXT.accentWPx,
          fill: getLaneKind(lane.kind).scene.headerAccent,
        }),
      )
    }

    const notes = scene.items.filter((i) => i.layer === 'notes')
    expect(notes.map((i) => [i.kind, i.record])).toEqual([
      ['rect', id],
      ['text', id],
    ])
    const { id: _id, ...box } = scene.layout.notes.get(id)!
    expect(notes[0]).toMatchObject({ fill: NOTE_INK.green.fill, ...box })
    expect(notes[1]).toMatchObject({ text: 'Offer a trial', color: NOTE_INK.green.text })
    // Paint order: no grid item after the first note item.
    const firstNote = scene.items.findIndex((i) => i.layer === 'notes')
    expect(scene.items.slice(firstNote).every((i) => i.layer === 'notes')).toBe(true)
  })

  it('builds the same grid from the layout alone (what the canvas draws on its static layer)', () => {
    const doc = lifecycle()
    const { stages, lanes } = readBoard(doc)
    createNote(doc, { stageId: stages[2]!.id, laneId: lanes[1]!.id, text: 'A note' })
    const { title: _title, layout, items, ...rest } = buildScene(readBoard(doc))
    const grid = buildGridScene(layout)
    expect(grid).toEqual({ ...rest, items: items.filter((i) => i.layer === 'grid') })
  })

  it('cuts a lane title at its lane with an ellipsis', () => {
    const doc = lifecycle()
    const lane = readBoard(doc).lanes[0]!
    renameLane(doc, lane.id, 'A lane title far longer than any header has room for'.repeat(3))
    const scene = buildScene(readBoard(doc))
    const row = scene.layout.lanes[0]!
    const title = texts(scene.items).find((t) => t.record === lane.id)
    expect(title).toMatchObject({ ellipsis: true, wrap: 'word', h: laneTitleHeight(row.h) })
    expect(title!.y + title!.h).toBeLessThanOrEqual(row.y + row.h)
  })

  it('labels the Unsorted row under the grid when a lane holding notes is removed', () => {
    const doc = lifecycle('U')
    const { stages, lanes } = readBoard(doc)
    expect(texts(buildScene(readBoard(doc)).items).map((t) => t.text)).not.toContain(UNSORTED_TITLE)
    const id = createNote(doc, { stageId: stages[1]!.id, laneId: lanes[2]!.id, text: 'Feels lost' })
    removeLane(doc, lanes[2]!.id)
    const scene = buildScene(readBoard(doc))
    const row = scene.layout.unsorted!
    expect(row.x).toBe(GRID.laneHeaderW)

    const title = texts(scene.items).find((t) => t.text === UNSORTED_TITLE)
    expect(title).toMatchObject({ y: row.y + LANE_HEADER_TEXT.insetTopPx, fontWeight: 700, ellipsis: false })
    const caption = texts(scene.items).find((t) => t.text === UNSORTED_CAPTION)
    expect(caption).toMatchObject({ opacity: 0.8 })
    expect(caption!.y + caption!.h).toBeLessThanOrEqual(row.y + row.h)
    // The holding area: its own fill for header and cell, a translucent strip, a dashed edge above.
    expect(rects(scene.items)).toContainEqual(expect.objectContaining({ ...row, fill: '#fdf1f1' }))
    expect(rects(scene.items)).toContainEqual(
      expect.objectContaining({ x: 0, y: row.y, w: LANE_HEADER_TEXT.accentWPx, opacity: 0.55 }),
    )
    const edge = scene.items.find((i): i is PathItem => i.kind === 'path')
    expect(edge).toMatchObject({
      commands: [
        ['M', 0, row.y],
        ['L', scene.width, row.y],
      ],
      stroke: { width: 2, dash: [10, 6] },
    })

    const card = scene.items.find((i) => i.record === id && i.kind === 'rect') as RectItem
    expect(card.y).toBeGreaterThanOrEqual(row.y)
    expect(card.y + card.h).toBeLessThanOrEqual(row.y + row.h)
  })

  it('draws an empty document as a bare board with no headers', () => {
    const scene = buildScene(readBoard(new Y.Doc()))
    expect(scene.items).toHaveLength(1)
    expect(scene.items[0]).toMatchObject({ kind: 'rect', w: scene.width, h: scene.height })
  })
})
