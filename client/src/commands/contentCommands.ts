/*
 * Commands that write content lanes' cells: an emotion point (set, nudged with ↑/↓, cleared), a
 * channel chip (added, moved within its cell, removed), a metric value and a text block. The canvas's
 * gestures, the cell editor and the accessible outline all run these, so a keyboard user and a mouse
 * user make the same edits, each one an own-only undo step.
 */
import type { ChipId, ConnectorId, NoteId, PersonaId, StageId } from '../../../shared/src/board/ids'
import { scoreKey } from '../../../shared/src/board/keyed'
import {
  addChip,
  addConnector,
  type ConnectorRoute,
  chipsInCell,
  clearMetricValue,
  clearScore,
  ensureLaneText,
  getScores,
  moveChip,
  readLanes,
  removeChip,
  removeConnector,
  setLaneMetric,
  setMetricValue,
  setScore,
  updateConnector,
} from '../../../shared/src/board/schema'
import type { Channel } from '../../../shared/src/board/style'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import { keyBetween } from '../../../shared/src/order'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { openGridEdit } from '../state/ui'
import { applyTextChange } from './applyTextChange'
import type { Command, CommandArgs, CommandContext } from './registry'

/** What a content command needs beyond the cell (CommandArgs.content). */
export interface ContentArgs {
  persona?: PersonaId
  /** A score (−2…2) or a metric value; null clears it. */
  value?: number | null
  /** +1 or −1: a nudged emotion point. */
  delta?: 1 | -1
  channel?: Channel
  label?: string
  chip?: ChipId
  /** Where a moved chip goes: one place earlier (−1) or later (+1) in its cell. */
  step?: 1 | -1
  /** A metric lane's name and unit. */
  metric?: { name: string; unit: string }
  text?: string
  /** A connector's ends, or the connector acted on. */
  from?: NoteId | StageId
  to?: NoteId | StageId
  connector?: ConnectorId
  route?: ConnectorRoute
}

const cellOf = (args?: CommandArgs): CellRef | undefined => args?.cell
const laneExists = (ctx: CommandContext, cell?: CellRef) =>
  cell !== undefined && readLanes(ctx.doc).some((l) => l.id === cell.laneId)

/** A score after a nudge: a stage without one starts at neutral. */
export function nudgedScore(current: number | undefined, delta: 1 | -1): number {
  if (current === undefined) return 0
  return Math.max(-2, Math.min(2, current + delta))
}

export const CONTENT_COMMANDS: readonly Command[] = [
  {
    id: 'connector.add',
    label: 'Connect two notes (or a note and a stage)',
    edits: true,
    enabled: (_ctx, args) =>
      args?.content?.from !== undefined &&
      args.content.to !== undefined &&
      args.content.from !== args.content.to,
    run: (ctx, args) => {
      const from = args?.content?.from
      const to = args?.content?.to
      if (from && to)
        addConnector(ctx.doc, { from, to, route: args?.content?.route ?? 'straight' }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'connector.remove',
    label: 'Remove a connector',
    edits: true,
    enabled: (_ctx, args) => args?.content?.connector !== undefined,
    run: (ctx, args) => {
      const id = args?.content?.connector
      if (id) removeConnector(ctx.doc, id, LOCAL_ORIGIN)
    },
  },
  {
    id: 'connector.route',
    label: 'Make a connector straight or elbowed',
    edits: true,
    enabled: (_ctx, args) => args?.content?.connector !== undefined && args.content.route !== undefined,
    run: (ctx, args) => {
      const id = args?.content?.connector
      const route = args?.content?.route
      if (id && route) updateConnector(ctx.doc, id, { route }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'connector.label',
    label: 'Label a connector',
    edits: true,
    enabled: (_ctx, args) => args?.content?.connector !== undefined && args.content.label !== undefined,
    run: (ctx, args) => {
      const id = args?.content?.connector
      const label = args?.content?.label
      if (id && label !== undefined)
        updateConnector(ctx.doc, id, { label: label.trim() || null }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'emotion.set',
    label: 'Set an emotion point',
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.persona !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const persona = args?.content?.persona
      const value = args?.content?.value
      if (!cell || !persona) return
      if (value === null || value === undefined)
        clearScore(ctx.doc, cell.laneId, cell.stageId, persona, LOCAL_ORIGIN)
      else setScore(ctx.doc, cell.laneId, cell.stageId, persona, value, LOCAL_ORIGIN)
    },
  },
  {
    id: 'emotion.nudge',
    label: 'Raise or lower an emotion point',
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.delta !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const persona = args?.content?.persona
      const delta = args?.content?.delta
      if (!cell || !persona || !delta) return
      const stored = getScores(ctx.doc).get(scoreKey(cell.laneId, cell.stageId, persona))
      const current = typeof stored === 'number' ? stored : undefined
      setScore(ctx.doc, cell.laneId, cell.stageId, persona, nudgedScore(current, delta), LOCAL_ORIGIN)
    },
  },
  {
    id: 'cell.edit',
    label: 'Edit a cell',
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)),
    run: (_ctx, args) => {
      const cell = cellOf(args)
      if (cell) openGridEdit({ kind: 'cell', cell })
    },
  },
  {
    id: 'chip.add',
    label: 'Add a channel',
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.channel !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const channel = args?.content?.channel
      if (!cell || !channel) return
      const label = args?.content?.label?.trim()
      addChip(
        ctx.doc,
        { laneId: cell.laneId, stageId: cell.stageId, channel, ...(label ? { label } : {}) },
        LOCAL_ORIGIN,
      )
    },
  },
  {
    id: 'chip.move',
    label: 'Move a channel earlier or later',
    edits: true,
    enabled: (ctx, args) => {
      const cell = cellOf(args)
      const chip = args?.content?.chip
      const step = args?.content?.step
      if (!cell || !chip || !step) return false
      const chips = chipsInCell(ctx.doc, cell.laneId, cell.stageId)
      const at = chips.findIndex((c) => c.id === chip)
      return at >= 0 && at + step >= 0 && at + step < chips.length
    },
    run: (ctx, args) => {
      const cell = cellOf(args)
      const chip = args?.content?.chip
      const step = args?.content?.step
      if (!cell || !chip || !step) return
      const chips = chipsInCell(ctx.doc, cell.laneId, cell.stageId)
      const at = chips.findIndex((c) => c.id === chip)
      // Between the neighbour it passes and the one after that.
      const before = step < 0 ? chips[at - 2] : chips[at + 1]
      const after = step < 0 ? chips[at - 1] : chips[at + 2]
      const order = keyBetween(before?.order ?? null, after?.order ?? null)
      moveChip(ctx.doc, chip, { laneId: cell.laneId, stageId: cell.stageId, order }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'chip.remove',
    label: 'Remove a channel',
    edits: true,
    enabled: (_ctx, args) => args?.content?.chip !== undefined,
    run: (ctx, args) => {
      const chip = args?.content?.chip
      if (chip) removeChip(ctx.doc, chip, LOCAL_ORIGIN)
    },
  },
  {
    id: 'metric.set',
    label: 'Set a metric value',
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.value !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const value = args?.content?.value
      if (!cell || value === undefined) return
      if (value === null) clearMetricValue(ctx.doc, cell.laneId, cell.stageId, LOCAL_ORIGIN)
      else setMetricValue(ctx.doc, cell.laneId, cell.stageId, value, LOCAL_ORIGIN)
    },
  },
  {
    id: 'metric.name',
    label: "Name a metric lane's metric and unit",
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.metric !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const metric = args?.content?.metric
      if (cell && metric)
        setLaneMetric(
          ctx.doc,
          cell.laneId,
          { name: metric.name || null, unit: metric.unit || null },
          LOCAL_ORIGIN,
        )
    },
  },
  {
    id: 'laneText.set',
    label: "Write a text lane's block",
    edits: true,
    enabled: (ctx, args) => laneExists(ctx, cellOf(args)) && args?.content?.text !== undefined,
    run: (ctx, args) => {
      const cell = cellOf(args)
      const text = args?.content?.text
      if (!cell || text === undefined) return
      applyTextChange(ensureLaneText(ctx.doc, cell.laneId, cell.stageId), text, LOCAL_ORIGIN)
    },
  },
]
