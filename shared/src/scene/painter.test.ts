import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard } from '../board/schema'
import type { Rect } from '../layout/geometry'
import { keysBetween } from '../order'
import { applyTemplate } from '../templates/applyTemplate'
import { buildScene } from './buildScene'
import type { PathItem, RectItem, SceneItem, TextItem } from './items'
import { type Matrix, type Painter, paintItem, paintItems } from './painter'

/** A painter that writes down what it is asked to draw: the contract every painter implements. */
class RecordingPainter implements Painter {
  calls: (
    | { op: 'save' | 'restore' }
    | { op: 'transform'; m: Matrix }
    | { op: 'clip'; r: Rect }
    | { op: 'rect'; item: RectItem }
    | { op: 'text'; item: TextItem }
    | { op: 'path'; item: PathItem }
  )[] = []
  save() {
    this.calls.push({ op: 'save' })
  }
  restore() {
    this.calls.push({ op: 'restore' })
  }
  transform(m: Matrix) {
    this.calls.push({ op: 'transform', m })
  }
  clip(r: Rect) {
    this.calls.push({ op: 'clip', r })
  }
  rect(item: RectItem) {
    this.calls.push({ op: 'rect', item })
  }
  text(item: TextItem) {
    this.calls.push({ op: 'text', item })
  }
  path(item: PathItem) {
    this.calls.push({ op: 'path', item })
  }
  ops() {
    return this.calls.map((c) => c.op)
  }
}

const stroke = { color: '#123456', width: 2 }

describe('paintItem', () => {
  it('hands primitives to the painter as they are', () => {
    const painter = new RecordingPainter()
    const rect: RectItem = { kind: 'rect', layer: 'grid', x: 1, y: 2, w: 3, h: 4, fill: '#ffffff' }
    const path: PathItem = {
      kind: 'path',
      layer: 'grid',
      commands: [
        ['M', 0, 0],
        ['L', 5, 5],
      ],
      stroke,
    }
    paintItem(painter, rect)
    paintItem(painter, path)
    expect(painter.calls).toEqual([
      { op: 'rect', item: rect },
      { op: 'path', item: path },
    ])
  })

  it('draws composite items as their primitives, keeping their layer, record and opacity', () => {
    const painter = new RecordingPainter()
    const common = { layer: 'notes', record: 'note:a', opacity: 0.5 } as const
    const items: SceneItem[] = [
      {
        ...common,
        kind: 'arrow',
        points: [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
        ],
        stroke,
        heads: 'both',
        headLength: 8,
        headWidth: 6,
      },
      {
        ...common,
        kind: 'badge',
        x: 0,
        y: 0,
        w: 40,
        h: 16,
        text: '3',
        fill: '#eeeeee',
        color: '#111111',
        fontSize: 11,
        fontWeight: 700,
      },
      { ...common, kind: 'icon', name: 'triangle-alert', x: 0, y: 0, w: 24, h: 24, color: '#aa0000' },
    ]
    for (const item of items) paintItem(painter, item)
    // Arrow: shaft and two heads; badge: pill and label; icon: its outline, one stroked path.
    expect(painter.ops()).toEqual(['path', 'path', 'path', 'rect', 'text', 'path'])
    for (const call of painter.calls) {
      if ('item' in call) expect(call.item).toMatchObject(common)
    }
  })
})

describe('paintItems', () => {
  it('paints every item of a board in order and yields between batches', async () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'Batches' })
    const { stages, lanes } = readBoard(doc)
    const orders = keysBetween(null, null, 1_500)
    doc.transact(() => {
      for (let i = 0; i < 1_500; i++) {
        createNote(doc, {
          stageId: stages[i % 6]!.id,
          laneId: lanes[i % 5]!.id,
          order: orders[i],
          text: `Note ${i}`,
        })
      }
    })
    const scene = buildScene(readBoard(doc))
    const painter = new RecordingPainter()
    const pauses: number[] = []
    await paintItems(painter, scene.items, async (drawn) => {
      pauses.push(drawn)
    })
    expect(painter.calls.map((c) => ('item' in c ? c.item : null))).toEqual(scene.items)
    const drawnTexts = painter.calls.flatMap((c) => (c.op === 'text' ? [c.item.text] : []))
    expect(drawnTexts).toContain('Note 0')
    expect(drawnTexts).toContain('Note 1499')
    expect(pauses).toEqual([2_000])
    expect(scene.items.length).toBeGreaterThan(3_000)
  })
})
