/*
 * Commands that shape the grid: add, rename, move and remove stages (columns) and lanes (rows). Each
 * write is one transaction with origin 'local', so it is one step of this person's undo history and
 * reaches everyone else through Yjs like any edit. The `header.start…` commands only open the UI that
 * asks for what is missing (a name, a kind, a confirmation); that UI then runs the writing command.
 */
import { gapKey, insertKey, stepKey } from '../../../shared/src/board/gridOrder'
import { changeLaneKind, planLaneKindChange } from '../../../shared/src/board/laneKindChange'
import {
  addLane,
  addStage,
  moveLane,
  moveStage,
  readLanes,
  readStages,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  setLaneCollapsed,
  setLaneHeight,
  setStageDescription,
  setStageWidth,
} from '../../../shared/src/board/schema'
import { type HeaderRef, headerRect } from '../../../shared/src/layout/grid'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { closeGridEdit, openGridEdit, setViewport, useUi } from '../state/ui'
import { panIntoView } from '../view/viewport'
import type { Command, CommandArgs, CommandContext } from './registry'

/** Stages or lanes in display order, as the document has them now. */
const siblingsOf = (ctx: CommandContext, kind: HeaderRef['kind']) =>
  kind === 'stage' ? readStages(ctx.doc) : readLanes(ctx.doc)

const exists = (ctx: CommandContext, header: HeaderRef | undefined): header is HeaderRef =>
  !!header && siblingsOf(ctx, header.kind).some((item) => item.id === header.id)

const hasHeader = (ctx: CommandContext, args?: CommandArgs) => exists(ctx, args?.header)

const hasTitle = (args?: CommandArgs) => (args?.title?.trim() ?? '') !== ''

function step(ctx: CommandContext, header: HeaderRef | undefined, by: -1 | 1): string | null {
  return header ? stepKey(siblingsOf(ctx, header.kind), header.id, by) : null
}

function gap(ctx: CommandContext, args?: CommandArgs): string | null {
  const header = args?.header
  return header && args?.gap !== undefined ? gapKey(siblingsOf(ctx, header.kind), header.id, args.gap) : null
}

function place(ctx: CommandContext, header: HeaderRef | undefined, key: string | null): void {
  if (!header || key === null) return
  if (header.kind === 'stage') moveStage(ctx.doc, header.id, key, LOCAL_ORIGIN)
  else moveLane(ctx.doc, header.id, key, LOCAL_ORIGIN)
}

/** Where a new stage or lane goes: beside the header when it is of that kind and still there, else at the end. */
function newKey(ctx: CommandContext, kind: HeaderRef['kind'], args?: CommandArgs): string {
  const target = args?.header?.kind === kind ? args.header.id : null
  return insertKey(siblingsOf(ctx, kind), target, args?.side ?? 'after')
}

/** Room kept past a revealed header for the "+" buttons beside the grid (px). */
const REVEAL_MARGIN_PX = 48

/** A new stage or lane may land off screen (past the last column): bring its header into view. */
function reveal(ctx: CommandContext, header: HeaderRef): void {
  const rect = headerRect(ctx.getLayout(), header)
  const { viewport, canvasSize } = useUi.getState()
  if (rect) setViewport(panIntoView(viewport, canvasSize, rect, REVEAL_MARGIN_PX))
}

const startAdd = (axis: HeaderRef['kind']): Command => ({
  id: `${axis}.startAdd`,
  label: axis === 'stage' ? 'Add a stage…' : 'Add a lane…',
  edits: true,
  run: (_ctx, args) =>
    openGridEdit({
      kind: 'add',
      axis,
      header: args?.header?.kind === axis ? args.header : null,
      side: args?.side ?? 'after',
    }),
})

export const GRID_COMMANDS: readonly Command[] = [
  {
    id: 'header.menu',
    label: 'Stage or lane options',
    edits: true,
    enabled: hasHeader,
    run: (_ctx, args) => args?.header && openGridEdit({ kind: 'menu', header: args.header }),
  },
  {
    id: 'header.startRename',
    label: 'Rename a stage or lane…',
    edits: true,
    enabled: hasHeader,
    run: (_ctx, args) => args?.header && openGridEdit({ kind: 'rename', header: args.header }),
  },
  {
    id: 'header.rename',
    label: 'Rename a stage or lane',
    edits: true,
    enabled: (ctx, args) => hasHeader(ctx, args) && hasTitle(args),
    run: (ctx, args) => {
      const header = args?.header
      const title = args?.title ?? ''
      if (header?.kind === 'stage') renameStage(ctx.doc, header.id, title, LOCAL_ORIGIN)
      else if (header?.kind === 'lane') renameLane(ctx.doc, header.id, title, LOCAL_ORIGIN)
    },
  },
  startAdd('stage'),
  startAdd('lane'),
  {
    id: 'stage.add',
    label: 'Add a stage',
    edits: true,
    enabled: (_ctx, args) => hasTitle(args),
    run: (ctx, args) => {
      const id = addStage(ctx.doc, (args?.title ?? '').trim(), newKey(ctx, 'stage', args), LOCAL_ORIGIN)
      reveal(ctx, { kind: 'stage', id })
    },
  },
  {
    id: 'lane.add',
    label: 'Add a lane',
    edits: true,
    enabled: (_ctx, args) => hasTitle(args),
    run: (ctx, args) => {
      const title = (args?.title ?? '').trim()
      const id = addLane(ctx.doc, title, args?.laneKind ?? 'custom', newKey(ctx, 'lane', args), LOCAL_ORIGIN)
      reveal(ctx, { kind: 'lane', id })
    },
  },
  {
    id: 'lane.setKind',
    label: 'Change what a lane holds (its accent and new notes’ color)',
    edits: true,
    enabled: (ctx, args) => args?.header?.kind === 'lane' && hasHeader(ctx, args) && !!args.laneKind,
    // Where the lane's content would not show in the new kind it asks first (KindChangeDialog), then
    // converts what converts (notes ↔ text) in one undoable step.
    run: (ctx, args) => {
      const header = args?.header
      const to = args?.laneKind
      if (header?.kind !== 'lane' || !to) return
      const lane = readLanes(ctx.doc).find((l) => l.id === header.id)
      if (!lane) return
      if (planLaneKindChange(lane.kind, to) === 'confirm' && !args?.confirmed) {
        openGridEdit({ kind: 'kindChange', lane: header.id, to })
        return
      }
      changeLaneKind(ctx.doc, header.id, to, LOCAL_ORIGIN)
    },
  },
  {
    id: 'header.moveEarlier',
    label: 'Move a stage left or a lane up',
    edits: true,
    enabled: (ctx, args) => step(ctx, args?.header, -1) !== null,
    run: (ctx, args) => place(ctx, args?.header, step(ctx, args?.header, -1)),
  },
  {
    id: 'header.moveLater',
    label: 'Move a stage right or a lane down',
    edits: true,
    enabled: (ctx, args) => step(ctx, args?.header, 1) !== null,
    run: (ctx, args) => place(ctx, args?.header, step(ctx, args?.header, 1)),
  },
  {
    id: 'header.moveToGap',
    label: 'Drag a stage or lane header to another place',
    edits: true,
    enabled: (ctx, args) => gap(ctx, args) !== null,
    run: (ctx, args) => place(ctx, args?.header, gap(ctx, args)),
  },
  {
    id: 'stage.startDescribe',
    label: 'Write a stage’s goal or description…',
    edits: true,
    enabled: (ctx, args) => args?.header?.kind === 'stage' && hasHeader(ctx, args),
    run: (_ctx, args) =>
      args?.header?.kind === 'stage' && openGridEdit({ kind: 'describe', header: args.header }),
  },
  {
    id: 'stage.describe',
    label: 'Set a stage’s goal or description (empty removes it)',
    edits: true,
    enabled: (ctx, args) => args?.header?.kind === 'stage' && hasHeader(ctx, args) && args.text !== undefined,
    run: (ctx, args) => {
      const header = args?.header
      if (header?.kind === 'stage')
        setStageDescription(ctx.doc, header.id, args?.text?.trim() || null, LOCAL_ORIGIN)
    },
  },
  {
    id: 'lane.toggleCollapsed',
    label: 'Collapse a lane to its header, or expand it',
    edits: true,
    enabled: (ctx, args) => args?.header?.kind === 'lane' && hasHeader(ctx, args),
    run: (ctx, args) => {
      const header = args?.header
      const lane = header?.kind === 'lane' ? readLanes(ctx.doc).find((l) => l.id === header.id) : undefined
      if (lane) setLaneCollapsed(ctx.doc, lane.id, !lane.collapsed, LOCAL_ORIGIN)
    },
  },
  {
    id: 'header.setSize',
    label: 'Resize a stage’s width or a lane’s height (null: fit its content)',
    edits: true,
    enabled: (ctx, args) => hasHeader(ctx, args) && args?.extent !== undefined,
    run: (ctx, args) => {
      const header = args?.header
      const extent = args?.extent ?? null
      if (header?.kind === 'stage') setStageWidth(ctx.doc, header.id, extent, LOCAL_ORIGIN)
      else if (header?.kind === 'lane') setLaneHeight(ctx.doc, header.id, extent, LOCAL_ORIGIN)
    },
  },
  {
    id: 'header.startDelete',
    label: 'Delete a stage or lane…',
    edits: true,
    enabled: hasHeader,
    run: (_ctx, args) => args?.header && openGridEdit({ kind: 'delete', header: args.header }),
  },
  {
    id: 'header.delete',
    label: 'Delete a stage or lane (its notes move to Unsorted)',
    edits: true,
    enabled: hasHeader,
    run: (ctx, args) => {
      const header = args?.header
      closeGridEdit()
      if (header?.kind === 'stage') removeStage(ctx.doc, header.id, LOCAL_ORIGIN)
      else if (header?.kind === 'lane') removeLane(ctx.doc, header.id, LOCAL_ORIGIN)
    },
  },
]
