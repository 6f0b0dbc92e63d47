import { describe, expect, it } from 'vitest'
import type { LaneId, NoteId, StageId } from '../../../shared/src/board/ids'
import type { HeaderRef } from '../../../shared/src/layout/grid'
import {
  DBLCLICK_AFTER_DRAG_MS,
  GestureMachine,
  type Hit,
  type Intent,
  type PointerSample,
  type Situation,
} from './gestureMachine'

const NOTE = 'note:a' as NoteId
const STAGE: HeaderRef = { kind: 'stage', id: 'stage:s' as StageId }
const CELL = { stageId: 'stage:s' as StageId, laneId: 'lane:l' as LaneId }
const onNote: Hit = { kind: 'note', id: NOTE }
const onHeader: Hit = { kind: 'header', header: STAGE }
const onCell: Hit = { kind: 'cell', cell: CELL }
const onEmpty: Hit = { kind: 'empty' }

/**
 * Drives a machine like a person with a mouse: the board is drawn at scale 2 with no offset, so a board
 * point is half the screen point, and time moves 10 ms per event unless told.
 */
class Person {
  readonly machine = new GestureMachine()
  time = 1_000
  situation: Omit<Situation, 'hit'> = { tool: 'select', space: false, readOnly: false }

  private sample(x: number, y: number, extra: Partial<PointerSample> = {}): PointerSample {
    this.time += 10
    return {
      screen: { x, y },
      board: { x: x / 2, y: y / 2 },
      button: 0,
      shift: false,
      time: this.time,
      ...extra,
    }
  }

  down(hit: Hit, x = 100, y = 100, extra: Partial<PointerSample> = {}): Intent[] {
    return this.machine.handle({ type: 'down', ...this.sample(x, y, extra), ...this.situation, hit })
  }
  move(x: number, y: number, extra: Partial<PointerSample> = {}): Intent[] {
    return this.machine.handle({ type: 'move', ...this.sample(x, y, extra) })
  }
  up(x: number, y: number, extra: Partial<PointerSample> = {}): Intent[] {
    return this.machine.handle({ type: 'up', ...this.sample(x, y, extra) })
  }
  click(hit: Hit, extra: Partial<PointerSample> = {}): Intent[] {
    return [...this.down(hit, 100, 100, extra), ...this.up(100, 100, extra)]
  }
  /** Two clicks on `hit`, then what the double-click that follows them means. */
  dblclick(hit: Hit, extra: Partial<PointerSample> = {}): Intent[] {
    this.click(hit, extra)
    this.click(hit, extra)
    return this.doubleClickEvent(hit, extra)
  }
  /** The double-click event alone, as Konva sends it after a second release. */
  doubleClickEvent(hit: Hit, extra: Partial<PointerSample> = {}): Intent[] {
    return this.machine.handle({ type: 'dblclick', ...this.sample(100, 100, extra), ...this.situation, hit })
  }
  /** Press at (100, 100), move to (100 + dx, 100 + dy) in 4 steps, release there. */
  drag(hit: Hit, dx: number, dy: number, extra: Partial<PointerSample> = {}): Intent[] {
    const intents = this.down(hit, 100, 100, extra)
    for (let i = 1; i <= 4; i++) intents.push(...this.move(100 + (dx * i) / 4, 100 + (dy * i) / 4, extra))
    return [...intents, ...this.up(100 + dx, 100 + dy, extra)]
  }
}

const kinds = (intents: Intent[]) => intents.map((i) => i.kind)

describe('pressing a note', () => {
  it('selects it on a click, and toggles it on a shift+click', () => {
    const p = new Person()
    expect(p.click(onNote)).toEqual([{ kind: 'select', id: NOTE }])
    expect(p.click(onNote, { shift: true })).toEqual([{ kind: 'toggle', id: NOTE }])
  })

  it('is still a click below the drag threshold, and a drag from it on', () => {
    const p = new Person()
    p.down(onNote)
    expect(p.move(103, 102)).toEqual([])
    expect(p.up(103, 102)).toEqual([{ kind: 'select', id: NOTE }])

    p.down(onNote)
    expect(p.move(104, 100)).toEqual([
      { kind: 'dragStart', id: NOTE },
      { kind: 'dragBy', offset: { x: 2, y: 0 } },
    ])
    expect(p.move(140, 120)).toEqual([{ kind: 'dragBy', offset: { x: 20, y: 10 } }])
    expect(p.up(160, 130)).toEqual([{ kind: 'drop', at: { x: 80, y: 65 } }])
  })

  it('drags the note with shift held too (shift only changes what a click does)', () => {
    expect(kinds(new Person().drag(onNote, 40, 0, { shift: true }))).toEqual([
      'dragStart',
      'dragBy',
      'dragBy',
      'dragBy',
      'dragBy',
      'drop',
    ])
  })

  it('never drags on a view link, but still selects', () => {
    const p = new Person()
    p.situation.readOnly = true
    expect(p.drag(onNote, 200, 0)).toEqual([{ kind: 'select', id: NOTE }])
  })

  it('pans instead with the middle button, with space held or with the Hand tool', () => {
    const middle = new Person().drag(onNote, 40, 0, { button: 1 })
    expect(kinds(middle)).toEqual(['grabbing', 'panBy', 'panBy', 'panBy', 'panBy', 'grabbing'])

    const space = new Person()
    space.situation.space = true
    expect(kinds(space.drag(onNote, 40, 0))).not.toContain('dragStart')

    const hand = new Person()
    hand.situation.tool = 'pan'
    expect(kinds(hand.drag(onNote, 40, 0))).not.toContain('dragStart')
  })

  it('selects the note when a pan pressed on it with the left button did not move; the middle button does nothing', () => {
    const hand = new Person()
    hand.situation.tool = 'pan'
    expect(hand.click(onNote)).toEqual([
      { kind: 'grabbing', on: true },
      { kind: 'grabbing', on: false },
      { kind: 'select', id: NOTE },
    ])
    expect(kinds(new Person().click(onNote, { button: 1 }))).toEqual(['grabbing', 'grabbing'])
  })
})

describe('panning', () => {
  it('moves the view by each move, from the last one', () => {
    const p = new Person()
    p.down(onCell, 100, 100)
    expect(p.move(110, 95)).toEqual([{ kind: 'panBy', dx: 10, dy: -5 }])
    expect(p.move(130, 95)).toEqual([{ kind: 'panBy', dx: 20, dy: 0 }])
    expect(p.up(130, 95)).toEqual([{ kind: 'grabbing', on: false }])
  })

  it('clears the selection on a click on empty space, a cell or a header of a view link', () => {
    expect(new Person().click(onEmpty)).toContainEqual({ kind: 'clearSelection' })
    expect(new Person().click(onCell)).toContainEqual({ kind: 'clearSelection' })
    const viewer = new Person()
    viewer.situation.readOnly = true
    expect(viewer.click(onHeader)).toContainEqual({ kind: 'clearSelection' })
    // A pan that moved a little more than a click's slop keeps the selection.
    const p = new Person()
    p.down(onEmpty, 100, 100)
    p.move(102, 101)
    expect(p.up(102, 101)).not.toContainEqual({ kind: 'clearSelection' })
  })

  it('ignores the right button with the Select tool, and pans with it with the Hand tool', () => {
    expect(new Person().drag(onEmpty, 40, 0, { button: 2 })).toEqual([])
    const hand = new Person()
    hand.situation.tool = 'pan'
    expect(kinds(hand.drag(onEmpty, 40, 0, { button: 2 }))).toContain('panBy')
  })
})

describe('the rubber band', () => {
  it('follows shift+drag on a cell, empty space or a header, and selects what it touches on release', () => {
    for (const hit of [onCell, onEmpty, onHeader]) {
      const p = new Person()
      p.down(hit, 100, 100, { shift: true })
      expect(p.move(140, 120, { shift: true })).toEqual([
        { kind: 'band', rect: { x: 50, y: 50, w: 20, h: 10 } },
      ])
      expect(p.up(160, 80, { shift: true })).toEqual([
        { kind: 'band', rect: null },
        { kind: 'selectInBand', rect: { x: 50, y: 40, w: 30, h: 10 } },
      ])
    }
  })

  it('is a pan with the Hand tool or space held', () => {
    const hand = new Person()
    hand.situation.tool = 'pan'
    expect(kinds(hand.drag(onCell, 40, 0, { shift: true }))).not.toContain('band')
  })
})

describe('dragging a header', () => {
  it('clears the selection on a click, and starts moving only past its threshold', () => {
    const p = new Person()
    expect(p.click(onHeader)).toEqual([{ kind: 'clearSelection' }])
    p.down(onHeader, 100, 100)
    expect(p.move(104, 102)).toEqual([])
    expect(p.move(110, 100)).toEqual([
      { kind: 'grabbing', on: true },
      { kind: 'headerDragTo', header: STAGE, at: { x: 55, y: 50 } },
    ])
    expect(p.move(300, 100)).toEqual([{ kind: 'headerDragTo', header: STAGE, at: { x: 150, y: 50 } }])
    // Dropped where the line was last shown.
    expect(p.up(300, 100)).toEqual([
      { kind: 'grabbing', on: false },
      { kind: 'headerDrop', header: STAGE, at: { x: 150, y: 50 } },
    ])
  })
})

describe('double-clicks', () => {
  it('add a note in a cell, rename a header and edit a note', () => {
    const p = new Person()
    expect(p.dblclick(onCell)).toEqual([{ kind: 'addNote', cell: CELL }])
    expect(p.dblclick(onHeader)).toEqual([{ kind: 'renameHeader', header: STAGE }])
    expect(p.dblclick(onNote)).toEqual([{ kind: 'editNote', id: NOTE }])
    expect(p.dblclick(onEmpty)).toEqual([])
    expect(p.dblclick({ kind: 'unsorted' })).toEqual([])
  })

  it('do nothing on a view link or with the right button', () => {
    const viewer = new Person()
    viewer.situation.readOnly = true
    expect(viewer.dblclick(onCell)).toEqual([])
    expect(new Person().dblclick(onCell, { button: 2 })).toEqual([])
  })

  it('are not double-clicks right after a pan, a note drag or a header move', () => {
    const drags: [Hit, Partial<PointerSample>][] = [
      [onCell, {}],
      [onNote, {}],
      [onHeader, {}],
    ]
    for (const [hit, extra] of drags) {
      const p = new Person()
      p.drag(hit, 60, 0, extra)
      expect(p.dblclick(onCell)).toEqual([])
      p.time += DBLCLICK_AFTER_DRAG_MS
      expect(p.dblclick(onCell)).toEqual([{ kind: 'addNote', cell: CELL }])
    }
  })

  it('are not double-clicks when the second press has become a drag', () => {
    const p = new Person()
    p.click(onCell)
    p.down(onCell, 100, 100)
    p.move(160, 100)
    expect(p.doubleClickEvent(onCell)).toEqual([])
  })

  it('are not double-clicks when the two presses were on two things', () => {
    const other: Hit = { kind: 'note', id: 'note:b' as NoteId }
    const p = new Person()
    p.click(onNote)
    p.click(other)
    expect(p.doubleClickEvent(other)).toEqual([])
    p.click(onCell)
    p.click(onNote)
    expect(p.doubleClickEvent(onNote)).toEqual([])
    const elsewhere: Hit = { kind: 'cell', cell: { ...CELL, laneId: 'lane:m' as LaneId } }
    p.click(onCell)
    p.click(elsewhere)
    expect(p.doubleClickEvent(elsewhere)).toEqual([])
  })

  it('still count after a click, or a pan that did not move', () => {
    const p = new Person()
    p.click(onCell)
    expect(p.dblclick(onCell)).toEqual([{ kind: 'addNote', cell: CELL }])
  })
})

describe('other events', () => {
  it('opens a header menu on a right-click, on an edit link only', () => {
    const m = new GestureMachine()
    expect(m.handle({ type: 'contextmenu', hit: onHeader, readOnly: false })).toEqual([
      { kind: 'openHeaderMenu', header: STAGE },
    ])
    expect(m.handle({ type: 'contextmenu', hit: onHeader, readOnly: true })).toEqual([])
    expect(m.handle({ type: 'contextmenu', hit: onCell, readOnly: false })).toEqual([])
  })

  it('reports the hovered header, except during a gesture or on a view link', () => {
    const p = new Person()
    expect(p.machine.handle({ type: 'hover', hit: onHeader, readOnly: false })).toEqual([
      { kind: 'hoverHeader', header: STAGE },
      { kind: 'hoverEdge', axis: null },
    ])
    expect(p.machine.handle({ type: 'hover', hit: onCell, readOnly: false })).toEqual([
      { kind: 'hoverHeader', header: null },
      { kind: 'hoverEdge', axis: null },
    ])
    expect(
      p.machine.handle({ type: 'hover', hit: { kind: 'edge', header: STAGE, from: 0 }, readOnly: false }),
    ).toEqual([
      { kind: 'hoverHeader', header: null },
      { kind: 'hoverEdge', axis: 'stage' },
    ])
    expect(p.machine.handle({ type: 'hover', hit: onHeader, readOnly: true })).toEqual([])
    p.down(onCell)
    expect(p.machine.handle({ type: 'hover', hit: onHeader, readOnly: false })).toEqual([])
  })

  it('leaves a press on the resize handles to them, and resizes when they let go', () => {
    const p = new Person()
    expect(p.drag({ kind: 'handle' }, 50, 50)).toEqual([])
    expect(p.machine.handle({ type: 'resized', id: NOTE, scaleX: 1.5, scaleY: 1, readOnly: false })).toEqual([
      { kind: 'resizeNote', id: NOTE, scaleX: 1.5, scaleY: 1 },
    ])
    const hand = new Person()
    hand.situation.tool = 'pan'
    expect(kinds(hand.drag({ kind: 'handle' }, 50, 50))).toContain('panBy')
    expect(kinds(hand.click({ kind: 'handle' }))).toEqual(['grabbing', 'grabbing'])
  })

  it('drops nothing when the pointer is cancelled mid-drag', () => {
    const p = new Person()
    p.down(onNote)
    p.move(140, 100)
    expect(p.machine.handle({ type: 'cancel' })).toEqual([{ kind: 'dragCancel' }])
    expect(p.up(200, 100)).toEqual([])
    expect(p.machine.active).toBeNull()
  })

  it('ends a gesture left under way when a new press arrives', () => {
    const p = new Person()
    p.down(onHeader)
    p.move(200, 100)
    expect(kinds(p.down(onEmpty))).toEqual(['grabbing', 'headerDragCancel', 'grabbing'])
    expect(p.machine.active).toBe('pan')
  })
})

describe('a finger (touch)', () => {
  const touch = { touch: true } as const
  const nothingSelected = { size: 0, only: null }
  const noteSelected = { size: 1, only: NOTE }

  it('adds a note with a tap on an empty cell when nothing is selected, and clears a selection instead', () => {
    const p = new Person()
    p.situation.selection = nothingSelected
    expect(p.click(onCell, touch)).toContainEqual({ kind: 'addNote', cell: CELL })
    p.situation.selection = noteSelected
    const clearing = p.click(onCell, touch)
    expect(clearing).toContainEqual({ kind: 'clearSelection' })
    expect(kinds(clearing)).not.toContain('addNote')
  })

  it('never adds with a mouse click, on a view link, with the Hand tool, or after a pan', () => {
    const mouse = new Person()
    mouse.situation.selection = nothingSelected
    expect(kinds(mouse.click(onCell))).not.toContain('addNote')
    const viewer = new Person()
    viewer.situation = { ...viewer.situation, selection: nothingSelected, readOnly: true }
    expect(kinds(viewer.click(onCell, touch))).not.toContain('addNote')
    const hand = new Person()
    hand.situation = { ...hand.situation, selection: nothingSelected, tool: 'pan' }
    expect(kinds(hand.click(onCell, touch))).not.toContain('addNote')
    const panner = new Person()
    panner.situation.selection = nothingSelected
    expect(kinds(panner.drag(onCell, 60, 0, touch))).not.toContain('addNote')
  })

  it('still taps when the fingertip wobbles within the slop', () => {
    const p = new Person()
    p.situation.selection = nothingSelected
    p.down(onCell, 100, 100, touch)
    p.move(104, 103, touch)
    expect(p.up(104, 103, touch)).toContainEqual({ kind: 'addNote', cell: CELL })
  })

  it('edits the one selected note with a tap on it, and selects an unselected one', () => {
    const p = new Person()
    p.situation.selection = nothingSelected
    expect(p.click(onNote, touch)).toEqual([{ kind: 'select', id: NOTE }])
    p.situation.selection = noteSelected
    expect(p.click(onNote, touch)).toEqual([{ kind: 'editNote', id: NOTE }])
    p.situation.selection = { size: 2, only: null }
    expect(p.click(onNote, touch)).toEqual([{ kind: 'select', id: NOTE }])
  })

  it('drags a note only past the wider touch threshold', () => {
    const p = new Person()
    p.down(onNote, 100, 100, touch)
    expect(p.move(106, 100, touch)).toEqual([])
    expect(kinds(p.move(111, 100, touch))).toEqual(['dragStart', 'dragBy'])
    expect(kinds(p.up(150, 100, touch))).toEqual(['drop'])
  })

  it('opens the note menu on a long press held still, and the release then does nothing', () => {
    const p = new Person()
    p.down(onNote, 100, 100, touch)
    p.move(103, 101, touch)
    expect(p.machine.handle({ type: 'longpress', time: p.time + 500 })).toEqual([
      { kind: 'openNoteMenu', id: NOTE },
    ])
    expect(p.move(160, 100, touch)).toEqual([])
    expect(p.up(160, 100, touch)).toEqual([])
    expect(p.machine.active).toBeNull()
  })

  it('opens a header menu on a long press, and nothing for a cell, a moved finger or a view link', () => {
    const header = new Person()
    header.down(onHeader, 100, 100, touch)
    expect(header.machine.handle({ type: 'longpress', time: 0 })).toEqual([
      { kind: 'openHeaderMenu', header: STAGE },
    ])
    const cell = new Person()
    cell.down(onCell, 100, 100, touch)
    expect(cell.machine.handle({ type: 'longpress', time: 0 })).toEqual([])
    const moved = new Person()
    moved.down(onNote, 100, 100, touch)
    moved.move(140, 100, touch)
    expect(moved.machine.handle({ type: 'longpress', time: 0 })).toEqual([])
    const viewer = new Person()
    viewer.situation.readOnly = true
    viewer.down(onNote, 100, 100, touch)
    expect(viewer.machine.handle({ type: 'longpress', time: 0 })).toEqual([])
    // A mouse press never long-presses (the adapter only times touches; the machine checks too).
    const mouse = new Person()
    mouse.down(onNote)
    expect(mouse.machine.handle({ type: 'longpress', time: 0 })).toEqual([])
  })
})

describe('a note menu', () => {
  it('opens on a right-click on a note, on an edit link only', () => {
    const m = new GestureMachine()
    expect(m.handle({ type: 'contextmenu', hit: onNote, readOnly: false })).toEqual([
      { kind: 'openNoteMenu', id: NOTE },
    ])
    expect(m.handle({ type: 'contextmenu', hit: onNote, readOnly: true })).toEqual([])
  })
})

describe('the Connect tool', () => {
  it('draws from a note: a preview while dragging, a connect at the release, nothing on a view link', () => {
    const p = new Person()
    p.situation.tool = 'connect'
    const intents = p.drag(onNote, 200, 40)
    expect(intents[0]).toEqual({ kind: 'connectPreview', from: NOTE, at: { x: 75, y: 55 } })
    expect(intents.slice(-2)).toEqual([
      { kind: 'connectPreview', from: NOTE, at: null },
      { kind: 'connect', from: NOTE, at: { x: 150, y: 70 } },
    ])
    const viewer = new Person()
    viewer.situation = { ...viewer.situation, tool: 'connect', readOnly: true }
    expect(kinds(viewer.drag(onNote, 200, 40))).not.toContain('connect')
  })

  it('still pans from empty space and selects with a click elsewhere', () => {
    const p = new Person()
    p.situation.tool = 'connect'
    expect(kinds(p.drag(onEmpty, 40, 0))).toContain('panBy')
    const cancel = new Person()
    cancel.situation.tool = 'connect'
    cancel.down(onNote)
    cancel.move(150, 100)
    expect(cancel.machine.handle({ type: 'cancel' })).toEqual([
      { kind: 'connectPreview', from: NOTE, at: null },
    ])
  })
})

describe('an emotion lane', () => {
  it('sets the point where pressed and follows a drag, on an edit link only', () => {
    const p = new Person()
    p.situation.scorable = true
    const intents = p.drag(onCell, 0, -60)
    expect(intents.every((i) => i.kind === 'scoreAt')).toBe(true)
    expect(intents.at(-1)).toEqual({ kind: 'scoreAt', cell: CELL, at: { x: 50, y: 20 } })
    const viewer = new Person()
    viewer.situation = { ...viewer.situation, scorable: true, readOnly: true }
    expect(kinds(viewer.drag(onCell, 0, -60))).not.toContain('scoreAt')
  })
})

describe('resizing a header by its edge', () => {
  const onEdge: Hit = { kind: 'edge', header: STAGE, from: 100 }

  it('previews the new extent while dragging and sets it on release', () => {
    const person = new Person()
    expect(person.down(onEdge, 400, 20)).toEqual([])
    expect(person.move(500, 20)).toEqual([{ kind: 'resizeHeaderTo', header: STAGE, extent: 150 }])
    expect(person.up(520, 20)).toEqual([
      { kind: 'resizeHeaderTo', header: STAGE, extent: null },
      { kind: 'resizeHeader', header: STAGE, extent: 160 },
    ])
  })

  it('changes nothing for a press that did not move, a cancel, or a view link', () => {
    const person = new Person()
    person.down(onEdge, 400, 20)
    expect(person.up(400, 20)).toEqual([])
    person.down(onEdge, 400, 20)
    person.move(450, 20)
    expect(person.machine.handle({ type: 'cancel' })).toEqual([
      { kind: 'resizeHeaderTo', header: STAGE, extent: null },
    ])
    person.situation = { ...person.situation, readOnly: true }
    person.down(onEdge, 400, 20)
    expect(person.move(500, 20).some((i) => i.kind === 'resizeHeaderTo')).toBe(false)
  })

  it('gives the stage back to its content on a double-click of the edge', () => {
    const person = new Person()
    expect(person.dblclick(onEdge)).toEqual([{ kind: 'resizeHeader', header: STAGE, extent: null }])
  })
})
