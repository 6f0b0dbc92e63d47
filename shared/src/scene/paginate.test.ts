import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard, removeLane } from '../board/schema'
import type { Rect } from '../layout/geometry'
import { keysBetween } from '../order'
import { applyTemplate } from '../templates/applyTemplate'
import { buildScene, type Scene } from './buildScene'
import { type PageFrame, paginate, type ScenePage } from './paginate'
import type { Matrix } from './painter'

/** A4 landscape with the PDF's margins, title band and footer. */
const A4: PageFrame = {
  width: 842,
  height: 595,
  content: { x: 36, y: 80, w: 770, h: 451 },
  mode: 'stages',
  maxScale: 0.75,
}

const apply = ([a, , , d, e, f]: Matrix, r: Rect): Rect => ({
  x: a * r.x + e,
  y: d * r.y + f,
  w: a * r.w,
  h: d * r.h,
})
const inside = (r: Rect, outer: Rect, eps = 1e-6) =>
  r.x >= outer.x - eps &&
  r.y >= outer.y - eps &&
  r.x + r.w <= outer.x + outer.w + eps &&
  r.y + r.h <= outer.y + outer.h + eps
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))

/** The lifecycle board with `perCell` notes in every cell (wide stages, tall lanes). */
function board(perCell: number, orphans = 0): Scene {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'Pages' })
  const { stages, lanes } = readBoard(doc)
  const orders = keysBetween(null, null, perCell + orphans)
  doc.transact(() => {
    for (const stage of stages) {
      for (const lane of lanes) {
        for (let i = 0; i < perCell; i++)
          createNote(doc, { stageId: stage.id, laneId: lane.id, order: orders[i] })
      }
    }
    for (let i = 0; i < orphans; i++)
      createNote(doc, { stageId: stages[0]!.id, laneId: lanes[4]!.id, order: orders[perCell + i] })
  })
  if (orphans > 0) removeLane(doc, lanes[4]!.id)
  return buildScene(readBoard(doc))
}

const bodyView = (page: ScenePage) => page.views[0]!

describe('paginate, fit', () => {
  it('puts the whole board on one page at the largest scale that fits, capped', () => {
    const scene = board(4)
    const [page, ...rest] = paginate(scene, { ...A4, mode: 'fit' })
    expect(rest).toEqual([])
    const { layout } = scene
    const s = Math.min(0.75, A4.content.w / layout.width, A4.content.h / layout.height)
    expect(page!.scale).toBeCloseTo(s)
    expect(page!.views).toHaveLength(1)
    const [view] = page!.views
    expect(view!.board).toEqual({ x: 0, y: 0, w: layout.width, h: layout.height })
    const onPage = apply(view!.transform, view!.board)
    expect(onPage).toMatchObject({ x: A4.content.x, y: A4.content.y })
    expect(inside(onPage, A4.content)).toBe(true)
    expect(page!.stages).toEqual(layout.stages.map((s) => s.id))
  })

  it('never prints a small board larger than maxScale', () => {
    const [page] = paginate(board(0), { ...A4, mode: 'fit', content: { x: 0, y: 0, w: 10_000, h: 10_000 } })
    expect(page!.scale).toBe(0.75)
  })
})

describe('paginate, stages', () => {
  it('splits stage groups across pages in reading order, each page repeating the lane and stage headers', () => {
    const scene = board(6)
    const pages = paginate(scene, A4)
    const { layout } = scene
    const headerW = layout.stages[0]!.x
    const headerH = layout.lanes[0]!.y
    expect(pages.length).toBeGreaterThan(1)
    // Every stage on exactly one group, in order; rows likewise within a group.
    const groups = [...new Map(pages.map((p) => [p.stages.join(), p.stages])).values()]
    expect(groups.flat()).toEqual(layout.stages.map((s) => s.id))
    for (const page of pages) {
      expect(page.scale).toBe(pages[0]!.scale)
      const [cells, stageRow, laneColumn, corner] = page.views
      expect(corner!.board).toEqual({ x: 0, y: 0, w: headerW, h: headerH })
      expect(stageRow!.board).toMatchObject({ x: cells!.board.x, y: 0, w: cells!.board.w, h: headerH })
      expect(laneColumn!.board).toMatchObject({ x: 0, y: cells!.board.y, w: headerW, h: cells!.board.h })
      // The pieces abut on the page as on the board, and stay in the content area.
      const at = page.views.map((v) => apply(v.transform, v.board))
      for (const r of at) expect(inside(r, A4.content)).toBe(true)
      expect(at[1]!.y + at[1]!.h).toBeCloseTo(at[0]!.y)
      expect(at[2]!.x + at[2]!.w).toBeCloseTo(at[0]!.x)
      expect(at[3]).toMatchObject({ x: A4.content.x, y: A4.content.y })
    }
    // The pages' cells tile the board's cells exactly: no gap, no note printed twice.
    const cells = pages.map((p) => bodyView(p).board)
    const area = cells.reduce((sum, r) => sum + r.w * r.h, 0)
    expect(area).toBeCloseTo((layout.width - headerW) * (layout.height - headerH))
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) expect(overlap(cells[i]!, cells[j]!)).toBe(0)
    }
  })

  it('splits a tall board by lanes too, with the Unsorted row as the last row', () => {
    const scene = board(60, 40)
    const pages = paginate(scene, A4)
    const rows = [...new Map(pages.map((p) => [p.rows.join(), p.rows])).values()]
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.flat()).toEqual([...scene.layout.lanes.map((l) => l.id), 'unsorted'])
    // Stage group by stage group, lane group by lane group within it.
    expect(pages[1]!.stages).toEqual(pages[0]!.stages)
    expect(pages[1]!.rows).not.toEqual(pages[0]!.rows)
  })

  it('shrinks the scale until the widest stage fits beside the lane headers', () => {
    const scene = board(400)
    const pages = paginate(scene, A4)
    const widest = Math.max(...scene.layout.stages.map((s) => s.w))
    const s = pages[0]!.scale
    expect(s).toBeLessThan(0.75)
    expect((scene.layout.stages[0]!.x + widest) * s).toBeLessThanOrEqual(A4.content.w + 1e-6)
    for (const page of pages)
      expect(inside(apply(bodyView(page).transform, bodyView(page).board), A4.content)).toBe(true)
  })

  it('clips each view to its place, past it only where the board itself ends (its outer strokes)', () => {
    const pages = paginate(board(6), A4)
    const first = pages[0]!
    const [cells, stageRow, , corner] = first.views
    const cellsAt = apply(cells!.transform, cells!.board)
    // A cut inside the board: clipped exactly there; the board's top and left edges: a little beyond.
    expect(cells!.clip.x).toBeCloseTo(cellsAt.x)
    expect(stageRow!.clip.y).toBeLessThan(A4.content.y)
    expect(corner!.clip.x).toBeLessThan(A4.content.x)
  })

  it('gives an empty board one page', () => {
    const pages = paginate(buildScene(readBoard(new Y.Doc())), A4)
    expect(pages).toHaveLength(1)
  })
})
