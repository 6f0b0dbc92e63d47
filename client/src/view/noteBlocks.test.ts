import { describe, expect, it } from 'vitest'
import type { NoteId } from '../../../shared/src/board/ids'
import type { NoteColor } from '../../../shared/src/board/style'
import type { NoteBox } from '../../../shared/src/layout/grid'
import type { RectItem } from '../../../shared/src/scene/items'
import { noteItems } from '../../../shared/src/scene/noteItems'
import { batchBlocks, drawBlocks } from './noteBlocks'

const COLORS: NoteColor[] = ['yellow', 'blue', 'pink']
const boxes: NoteBox[] = Array.from({ length: 300 }, (_, i) => ({
  id: `note:${i}` as NoteId,
  x: (i % 30) * 172,
  y: Math.floor(i / 30) * 122,
  w: 160,
  h: 110,
}))
const colorOf = (id: NoteId) => COLORS[Number(id.slice(5)) % 3] as NoteColor
/** The fill a note's card is drawn with at block detail: what the blocks must match. */
const cardFill = (color: NoteColor) =>
  (noteItems({ id: 'note:x', text: '', color }, boxes[0] as NoteBox, 'block')[0] as RectItem).fill

function recorder() {
  const calls: { fill: string; rect: number[]; alpha: number }[] = []
  let styleChanges = 0
  let fill = ''
  return {
    calls,
    styleChanges: () => styleChanges,
    target: {
      get fillStyle() {
        return fill
      },
      set fillStyle(value: string) {
        fill = value
        styleChanges++
      },
      globalAlpha: 1,
      fillRect(x: number, y: number, w: number, h: number) {
        calls.push({ fill, rect: [x, y, w, h], alpha: this.globalAlpha })
      },
    },
  }
}

describe('note blocks', () => {
  it("groups boxes by fill, one batch per color, in the fill of each note's card", () => {
    const batches = batchBlocks(boxes, colorOf)
    expect(batches.map((b) => b.fill).sort()).toEqual(COLORS.map(cardFill).sort())
    expect(batches.reduce((n, b) => n + b.ids.length, 0)).toBe(300)
    const yellow = batches.find((b) => b.fill === cardFill('yellow'))
    expect([...(yellow?.rects.slice(0, 4) ?? [])]).toEqual([0, 0, 160, 110])
  })

  it('draws every block in its color, setting each fill once', () => {
    const rec = recorder()
    const drawn = drawBlocks(rec.target, batchBlocks(boxes, colorOf), { x: -10, y: -10, w: 1e6, h: 1e6 })
    expect(drawn).toBe(300)
    expect(rec.styleChanges()).toBe(3)
    for (const call of rec.calls) {
      const box = boxes.find((b) => b.x === call.rect[0] && b.y === call.rect[1])
      expect(call.fill).toBe(cardFill(colorOf(box?.id as NoteId)))
    }
  })

  it('skips blocks outside the view', () => {
    const rec = recorder()
    const view = { x: 0, y: 0, w: 400, h: 200 }
    drawBlocks(rec.target, batchBlocks(boxes, colorOf), view)
    // Columns at x 0, 172, 344 and rows at y 0, 122 touch the view.
    expect(rec.calls).toHaveLength(6)
  })

  it('leaves out the notes being dragged', () => {
    const rec = recorder()
    const skip = new Set(['note:0', 'note:1'] as NoteId[])
    const drawn = drawBlocks(
      rec.target,
      batchBlocks(boxes, colorOf),
      { x: -1e5, y: -1e5, w: 2e5, h: 2e5 },
      skip,
    )
    expect(drawn).toBe(298)
    expect(rec.calls.map((c) => c.rect)).not.toContainEqual([0, 0, 160, 110])
    expect(rec.calls.map((c) => c.rect)).not.toContainEqual([172, 0, 160, 110])
  })

  it('fades the notes a filter leaves out, and only those', () => {
    const rec = recorder()
    const highlight = new Set<NoteId>(['note:1', 'note:2'])
    const drawn = drawBlocks(
      rec.target,
      batchBlocks(boxes, colorOf),
      { x: -10, y: -10, w: 1e6, h: 1e6 },
      new Set<NoteId>(['note:2']),
      highlight,
    )
    expect(drawn).toBe(299)
    const bright = rec.calls.filter((c) => c.alpha === 1)
    expect(bright.map((c) => c.rect)).toEqual([[172, 0, 160, 110]])
    expect(rec.calls.filter((c) => c.alpha === 0.25)).toHaveLength(298)
    expect(rec.target.globalAlpha).toBe(1)
  })
})
