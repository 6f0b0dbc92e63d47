import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import { getLaneKind, LANE_KIND_LIST } from '../../../shared/src/board/laneKinds/registry'
import {
  createNote,
  getNotes,
  readBoard,
  readLanes,
  readNote,
  readNotes,
  readStages,
} from '../../../shared/src/board/schema'
import { applyNotesLifecycle } from '../../../shared/src/board/testing/notesLifecycle'
import { computeLayout, headerRect, UNSORTED_CELL } from '../../../shared/src/layout/grid'
import { createLocalHistory } from '../doc/localHistory'
import { resetUi, setCanvasSize, useUi } from '../state/ui'
import { headerMenuItems, headerOptionsLabel } from './headerMenu'
import { type CommandContext, canRun, getCommand, runCommand } from './registry'

function context(readOnly = false): CommandContext {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 'T' })
  const history = createLocalHistory(doc, { get: () => new Set(), restore: () => {} })
  return {
    doc,
    readOnly,
    history,
    getLayout: () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc)),
  }
}

const stageTitles = (ctx: CommandContext) => readStages(ctx.doc).map((s) => s.title)
const laneTitles = (ctx: CommandContext) => readLanes(ctx.doc).map((l) => l.title)
const stageNamed = (ctx: CommandContext, title: string) => {
  const stage = readStages(ctx.doc).find((s) => s.title === title)!
  return { kind: 'stage', id: stage.id } as const
}
const laneNamed = (ctx: CommandContext, title: string) => {
  const lane = readLanes(ctx.doc).find((l) => l.title === title)!
  return { kind: 'lane', id: lane.id } as const
}

beforeEach(() => resetUi())

describe('grid commands', () => {
  it('renames a stage and a lane, each one undo step', () => {
    const ctx = context()
    runCommand('header.rename', ctx, { header: stageNamed(ctx, 'Retention'), title: '  Loyalty ' })
    runCommand('header.rename', ctx, { header: laneNamed(ctx, 'Pain points'), title: 'Frictions' })
    expect(stageTitles(ctx)).toContain('Loyalty')
    expect(laneTitles(ctx)).toContain('Frictions')
    ctx.history!.undo()
    expect(laneTitles(ctx)).toContain('Pain points')
    expect(stageTitles(ctx)).toContain('Loyalty')
  })

  it('refuses an empty name', () => {
    const ctx = context()
    expect(runCommand('header.rename', ctx, { header: stageNamed(ctx, 'Purchase'), title: '   ' })).toBe(
      false,
    )
    expect(stageTitles(ctx)).toContain('Purchase')
  })

  it('adds a stage at the end or beside another, and a lane of a chosen kind', () => {
    const ctx = context()
    runCommand('stage.add', ctx, { title: 'Win-back' })
    runCommand('stage.add', ctx, { title: 'Research', header: stageNamed(ctx, 'Purchase'), side: 'before' })
    expect(stageTitles(ctx)).toEqual([
      'Awareness',
      'Consideration',
      'Research',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
      'Win-back',
    ])
    runCommand('lane.add', ctx, {
      title: 'Moments of truth',
      laneKind: 'thoughts',
      header: laneNamed(ctx, 'Customer actions'),
      side: 'after',
    })
    expect(laneTitles(ctx)[1]).toBe('Moments of truth')
    expect(readLanes(ctx.doc)[1]!.kind).toBe('thoughts')
  })

  it('brings a stage added past the right edge of the view into view', () => {
    const ctx = context()
    setCanvasSize({ w: 1200, h: 800 })
    runCommand('stage.add', ctx, { title: 'Win-back' })
    const last = readStages(ctx.doc).at(-1)!
    const rect = headerRect(ctx.getLayout(), { kind: 'stage', id: last.id })!
    const { viewport } = useUi.getState()
    expect((rect.x + rect.w) * viewport.scale + viewport.x).toBeLessThanOrEqual(1200)
    expect(rect.x * viewport.scale + viewport.x).toBeGreaterThanOrEqual(0)
  })

  it('moves a stage left and a lane down, and not past the edges', () => {
    const ctx = context()
    runCommand('header.moveEarlier', ctx, { header: stageNamed(ctx, 'Advocacy') })
    expect(stageTitles(ctx).slice(-2)).toEqual(['Advocacy', 'Retention'])
    runCommand('header.moveLater', ctx, { header: laneNamed(ctx, 'Customer actions') })
    expect(laneTitles(ctx).slice(0, 2)).toEqual(['Touchpoints & channels', 'Customer actions'])
    const first = getCommand('header.moveEarlier')!
    expect(canRun(first, ctx, { header: stageNamed(ctx, 'Awareness') })).toBe(false)
    expect(canRun(getCommand('header.moveLater')!, ctx, { header: laneNamed(ctx, 'Opportunities') })).toBe(
      false,
    )
  })

  it('moves a dragged stage into the gap it was dropped on, one undo step', () => {
    const ctx = context()
    const awareness = stageNamed(ctx, 'Awareness')
    expect(runCommand('header.moveToGap', ctx, { header: awareness, gap: 1 })).toBe(false)
    runCommand('header.moveToGap', ctx, { header: awareness, gap: 3 })
    expect(stageTitles(ctx).slice(0, 3)).toEqual(['Consideration', 'Purchase', 'Awareness'])
    ctx.history!.undo()
    expect(stageTitles(ctx)[0]).toBe('Awareness')
  })

  it('deletes a lane, its notes go to Unsorted, and one undo brings both back', () => {
    const ctx = context()
    const lane = laneNamed(ctx, 'Pain points')
    const stage = stageNamed(ctx, 'Onboarding')
    // Already on the board when it loaded: not this person's edit, so not in their undo history.
    createNote(ctx.doc, { stageId: stage.id, laneId: lane.id, text: 'Setup is long' }, 'load')
    runCommand('header.startDelete', ctx, { header: lane })
    expect(useUi.getState().gridEdit).toEqual({ kind: 'delete', header: lane })
    runCommand('header.delete', ctx, { header: lane })
    expect(useUi.getState().gridEdit).toBeNull()
    expect(laneTitles(ctx)).not.toContain('Pain points')
    expect(ctx.getLayout().cells.get(UNSORTED_CELL)).toHaveLength(1)
    ctx.history!.undo()
    expect(laneTitles(ctx)).toContain('Pain points')
    expect(ctx.getLayout().unsorted).toBeNull()
    expect(readNotes(ctx.doc)).toHaveLength(1)
  })

  it('is unavailable on a view link', () => {
    const ctx = context(true)
    expect(runCommand('stage.add', ctx, { title: 'X' })).toBe(false)
    expect(runCommand('header.menu', ctx, { header: stageNamed(ctx, 'Purchase') })).toBe(false)
    expect(useUi.getState().gridEdit).toBeNull()
  })

  it('opens the add form beside a header, only for a header of its own axis', () => {
    const ctx = context()
    const stage = stageNamed(ctx, 'Purchase')
    runCommand('lane.startAdd', ctx, { header: stage, side: 'before' })
    expect(useUi.getState().gridEdit).toEqual({ kind: 'add', axis: 'lane', header: null, side: 'before' })
    runCommand('stage.startAdd', ctx, { header: stage, side: 'before' })
    expect(useUi.getState().gridEdit).toEqual({ kind: 'add', axis: 'stage', header: stage, side: 'before' })
  })
})

describe('stage descriptions, sizes and collapsing', () => {
  it('describes a stage, resizes a stage and a lane, collapses a lane: each one undo step', () => {
    const ctx = context()
    const purchase = stageNamed(ctx, 'Purchase')
    const pains = laneNamed(ctx, 'Pain points')
    runCommand('stage.startDescribe', ctx, { header: purchase })
    expect(useUi.getState().gridEdit).toEqual({ kind: 'describe', header: purchase })
    runCommand('stage.describe', ctx, { header: purchase, text: '  Picks a plan  ' })
    runCommand('header.setSize', ctx, { header: purchase, extent: 700 })
    runCommand('header.setSize', ctx, { header: pains, extent: 420 })
    runCommand('lane.toggleCollapsed', ctx, { header: pains })
    const stage = () => readStages(ctx.doc).find((s) => s.id === purchase.id)!
    const lane = () => readLanes(ctx.doc).find((l) => l.id === pains.id)!
    expect(stage()).toMatchObject({ description: 'Picks a plan', width: 700 })
    expect(lane()).toMatchObject({ height: 420, collapsed: true })
    expect(ctx.getLayout().stages.find((s) => s.id === purchase.id)!.w).toBe(700)
    ctx.history!.undo()
    expect(lane().collapsed).toBe(false)
    runCommand('header.setSize', ctx, { header: pains, extent: null })
    expect(lane().height).toBeUndefined()
    runCommand('stage.describe', ctx, { header: purchase, text: '' })
    expect(stage().description).toBeUndefined()
  })
})

describe('headerMenuItems', () => {
  it('words a stage menu left/right and a lane menu above/below, up/down', () => {
    const stageMenu = headerMenuItems({ kind: 'stage', id: 'stage:a' }).map((i) => i.label)
    expect(stageMenu).toEqual([
      'Rename…',
      'Insert stage left…',
      'Insert stage right…',
      'Move left',
      'Move right',
      'Add description…',
      'Delete stage…',
    ])
    const laneMenu = headerMenuItems({ kind: 'lane', id: 'lane:a' }).map((i) => i.label)
    expect(laneMenu).toEqual([
      'Rename…',
      'Insert lane above…',
      'Insert lane below…',
      'Move up',
      'Move down',
      'Collapse lane',
      'Delete lane…',
    ])
    const sized = headerMenuItems({ kind: 'lane', id: 'lane:a' }, undefined, { sized: true, collapsed: true })
    expect(sized.map((i) => i.label)).toContain('Expand lane')
    expect(sized.find((i) => i.label === 'Fit height to its content')?.args).toEqual({
      header: { kind: 'lane', id: 'lane:a' },
      extent: null,
    })
    const described = headerMenuItems({ kind: 'stage', id: 'stage:a' }, undefined, {
      sized: false,
      described: true,
    })
    expect(described.map((i) => i.label)).toContain('Edit description…')
  })

  it('offers a lane its kinds as radio choices, the current one checked', () => {
    const kinds = headerMenuItems({ kind: 'lane', id: 'lane:a' }, 'thoughts').filter(
      (i) => i.commandId === 'lane.setKind',
    )
    expect(kinds.map((i) => i.label)).toEqual(LANE_KIND_LIST.map((def) => `Holds: ${def.label}`))
    expect(kinds.map((i) => i.label).slice(0, 3)).toEqual([
      'Holds: Actions',
      'Holds: Touchpoints',
      'Holds: Thoughts',
    ])
    expect(kinds.filter((i) => i.checked).map((i) => i.args.laneKind)).toEqual(['thoughts'])
    expect(
      headerMenuItems({ kind: 'stage', id: 'stage:a' }, 'thoughts').some((i) => i.checked !== undefined),
    ).toBe(false)
  })

  it('changes a lane’s kind in one undo step: new notes take its color, old notes keep theirs', () => {
    const ctx = context()
    const lane = laneNamed(ctx, 'Customer actions')
    const stage = stageNamed(ctx, 'Awareness')
    const before = createNote(ctx.doc, { stageId: stage.id, laneId: lane.id, text: 'before' })
    runCommand('lane.setKind', ctx, { header: lane, laneKind: 'pain-points' })
    expect(readLanes(ctx.doc).find((l) => l.id === lane.id)?.kind).toBe('pain-points')
    const after = createNote(ctx.doc, { stageId: stage.id, laneId: lane.id, text: 'after' })
    const color = (id: NoteId) => readNote(id, getNotes(ctx.doc).get(id))?.color
    expect(color(before)).toBe(getLaneKind('actions').colors.newNote)
    expect(color(after)).toBe(getLaneKind('pain-points').colors.newNote)
    expect(canRun(getCommand('lane.setKind')!, ctx, { header: stage, laneKind: 'thoughts' })).toBe(false)
    const fresh = context()
    const opportunities = laneNamed(fresh, 'Opportunities')
    runCommand('lane.setKind', fresh, { header: opportunities, laneKind: 'custom' })
    fresh.history!.undo()
    expect(readLanes(fresh.doc).find((l) => l.id === opportunities.id)?.kind).toBe('opportunities')
  })

  it('runs only registered commands, with the header as argument', () => {
    const header = { kind: 'lane', id: 'lane:a' } as const
    for (const item of headerMenuItems(header, 'custom')) {
      expect(getCommand(item.commandId), item.commandId).toBeDefined()
      expect(item.args.header).toEqual(header)
    }
    expect(headerMenuItems(header).filter((i) => i.danger)).toHaveLength(1)
  })

  it('names the options button after its header', () => {
    expect(headerOptionsLabel('stage', 'Awareness')).toBe('Stage options: Awareness')
    expect(headerOptionsLabel('lane', 'Pain points')).toBe('Lane options: Pain points')
  })
})

describe("changing a lane's kind", () => {
  beforeEach(() => resetUi())

  it('asks before a change that would hide the lane’s notes, and changes once confirmed (one undo)', () => {
    const ctx = context()
    const header = laneNamed(ctx, 'Pain points')
    createNote(ctx.doc, { stageId: readStages(ctx.doc)[0]!.id, laneId: header.id, text: 'slow' })
    runCommand('lane.setKind', ctx, { header, laneKind: 'emotion-curve' })
    expect(useUi.getState().gridEdit).toEqual({ kind: 'kindChange', lane: header.id, to: 'emotion-curve' })
    expect(readLanes(ctx.doc).find((l) => l.id === header.id)?.kind).toBe('pain-points')
    runCommand('lane.setKind', ctx, { header, laneKind: 'emotion-curve', confirmed: true })
    expect(readLanes(ctx.doc).find((l) => l.id === header.id)?.kind).toBe('emotion-curve')
    expect(readNotes(ctx.doc).map((n) => n.text)).toEqual(['slow'])
    ctx.history?.undo()
    expect(readLanes(ctx.doc).find((l) => l.id === header.id)?.kind).toBe('pain-points')
  })

  it('turns notes into a text block without asking, and between notes kinds changes at once', () => {
    const ctx = context()
    const header = laneNamed(ctx, 'Opportunities')
    createNote(ctx.doc, { stageId: readStages(ctx.doc)[0]!.id, laneId: header.id, text: 'Guided trial' })
    runCommand('lane.setKind', ctx, { header, laneKind: 'text' })
    expect(useUi.getState().gridEdit).toBeNull()
    expect(readLanes(ctx.doc).find((l) => l.id === header.id)?.kind).toBe('text')
    // Every cell of a text lane has its block (made eagerly, empty); the note's words are in the first.
    expect(readBoard(ctx.doc).laneTexts.flatMap((t) => (t.text ? [t.text] : []))).toEqual(['Guided trial'])
    runCommand('lane.setKind', ctx, { header: laneNamed(ctx, 'Pain points'), laneKind: 'actions' })
    expect(useUi.getState().gridEdit).toBeNull()
  })
})
