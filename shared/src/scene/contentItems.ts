/*
 * The anatomy's items for a whole board: every content lane's cells (emotion curves, channel chips,
 * metric values, text blocks, the line of visibility), the connectors, and each note's look (its kind,
 * severity, source and tag colors). buildScene puts them in the scene for the PDF; the canvas draws
 * the same items on its content and connector layers.
 */
import type { ConnectorId, NoteId, StageId, TagId } from '../board/ids'
import { getLaneKind } from '../board/laneKinds/registry'
import type { BoardContent, Connector, Note } from '../board/schema'
import type { Point, Rect } from '../layout/geometry'
import { type BoardLayout, GRID, type LaneRow } from '../layout/grid'
import { connectorItems, connectorPoints, distanceToPolyline } from './connectorItems'
import type { SceneItem } from './items'
import { channelCellItems } from './lanes/channelChips'
import { emotionLaneItems, type PersonaCurve } from './lanes/emotionCurve'
import { metricLaneItems } from './lanes/metricRow'
import { textBlockItems } from './lanes/textBlock'
import type { NoteLook } from './noteItems'
import { PERSONA_INK, TAG_INK } from './palette'

export type TagInks = ReadonlyMap<TagId, string>

export const tagInks = (board: Pick<BoardContent, 'tags'>): TagInks =>
  new Map(board.tags.map((t) => [t.id, TAG_INK[t.color] ?? TAG_INK.gray]))

/** A note as the scene draws it: its kind's mark and its tags' colors, in the board's tag order. */
export function noteLook(note: Note, inks: TagInks): NoteLook {
  const tagColors = note.tags.flatMap((id) => {
    const ink = inks.get(id)
    return ink ? [ink] : []
  })
  return {
    id: note.id,
    text: note.text,
    color: note.color,
    kind: note.kind,
    ...(note.severity !== undefined ? { severity: note.severity } : {}),
    ...(note.source !== undefined ? { source: note.source } : {}),
    ...(tagColors.length ? { tagColors } : {}),
  }
}

/** Every persona's curve in one emotion lane, in legend order. */
export function emotionCurves(
  board: Pick<BoardContent, 'personas' | 'scores'>,
  laneId: LaneRow['id'],
): PersonaCurve[] {
  return board.personas.map((p) => ({
    personaId: p.id,
    name: p.name,
    color: PERSONA_INK[p.color] ?? PERSONA_INK.indigo,
    scores: new Map(
      board.scores
        .filter((s) => s.laneId === laneId && s.personaId === p.id)
        .map((s) => [s.stageId, s.value]),
    ),
  }))
}

const laneHeader = (lane: LaneRow): Rect => ({ x: 0, y: lane.y, w: GRID.laneHeaderW, h: lane.h })

/** What content lanes draw from: the canvas keeps it in a store of its own, apart from the notes. */
export type BoardAnatomy = Pick<
  BoardContent,
  | 'lanes'
  | 'personas'
  | 'tags'
  | 'connectors'
  | 'chips'
  | 'chipsByCell'
  | 'scores'
  | 'metricValues'
  | 'laneTexts'
>

export function laneContentItems(board: BoardAnatomy, layout: BoardLayout): SceneItem[] {
  const items: SceneItem[] = []
  const lanes = new Map(board.lanes.map((l) => [l.id, l]))
  for (const row of layout.lanes) {
    const lane = lanes.get(row.id)
    if (!lane || lane.collapsed) continue
    const holds = getLaneKind(row.kind).layout.holds
    if (holds === 'scores') {
      items.push(
        ...emotionLaneItems({
          lane: row,
          stages: layout.stages,
          curves: emotionCurves(board, row.id),
          header: laneHeader(row),
        }),
      )
    } else if (holds === 'chips') {
      for (const s of layout.stages) {
        const chips = board.chipsByCell.get(`${row.id}/${s.id}`) ?? []
        if (chips.length)
          items.push(...channelCellItems({ x: s.x, y: row.y, w: s.w, h: row.h }, chips, row.id, s.id))
      }
    } else if (holds === 'values') {
      const values = new Map<StageId, number>(
        board.metricValues.filter((v) => v.laneId === row.id).map((v) => [v.stageId, v.value]),
      )
      items.push(...metricLaneItems(row, layout.stages, values, lane.metricUnit ?? ''))
    } else if (holds === 'text') {
      const texts = new Map(
        board.laneTexts.filter((t) => t.laneId === row.id).map((t) => [t.stageId, t.text]),
      )
      for (const s of layout.stages) {
        const text = texts.get(s.id) ?? ''
        if (text) items.push(...textBlockItems({ x: s.x, y: row.y, w: s.w, h: row.h }, text, row.id, s.id))
      }
    } else if (row.kind === 'visibility') {
      const first = layout.stages[0]
      const last = layout.stages.at(-1)
      if (first && last) {
        const y = row.y + row.h / 2
        items.push({
          kind: 'path',
          layer: 'content',
          record: row.id,
          commands: [
            ['M', first.x, y],
            ['L', last.x + last.w, y],
          ],
          stroke: { color: '#1f2a44', width: 2.5, dash: [14, 8] },
        })
      }
    }
  }
  return items
}

/** Where a connector's end is drawn: a note's box, or a stage's header. */
export function endBox(layout: BoardLayout, id: string): Rect | null {
  const note = layout.notes.get(id as NoteId)
  if (note) return note
  const stage = layout.stages.find((s) => s.id === id)
  return stage ? { x: stage.x, y: 0, w: stage.w, h: layout.headerH } : null
}

export function connectorSceneItems(
  connectors: readonly Connector[],
  layout: BoardLayout,
  selected: ReadonlySet<string> = new Set(),
): SceneItem[] {
  return connectors.flatMap((c) => {
    const from = endBox(layout, c.from)
    const to = endBox(layout, c.to)
    if (!from || !to) return []
    return connectorItems({
      id: c.id,
      from,
      to,
      route: c.route,
      label: c.label ?? '',
      selected: selected.has(c.id),
    })
  })
}

/**
 * The connector nearest a board point within `slop` (board units), the topmost (last drawn) on a tie;
 * null when none is that near. What a click on an arrow selects.
 */
export function connectorAt(
  connectors: readonly Connector[],
  layout: BoardLayout,
  point: Point,
  slop: number,
): ConnectorId | null {
  let best: ConnectorId | null = null
  let bestDistance = slop
  for (const c of connectors) {
    const from = endBox(layout, c.from)
    const to = endBox(layout, c.to)
    if (!from || !to) continue
    const distance = distanceToPolyline(point, connectorPoints(from, to, c.route))
    if (distance <= bestDistance) {
      best = c.id
      bestDistance = distance
    }
  }
  return best
}
