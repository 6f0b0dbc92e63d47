/*
 * What the PDF's insights page says about a board, as plain data: notes per lane kind and stage, the
 * emotion curves (one per persona, a score per stage) and the top pain points. Pure, from the board's
 * content, so it is tested without drawing. Schema v1 stores no curves, personas or severities: a board
 * read from it has none, and the page says so; the anatomy issue's records fill `curves`, `personas`
 * and `severity` through `BoardExtras` without changing the page.
 */
import type { StageId } from '../board/ids'
import { getLaneKind, LANE_KINDS, type LaneKind, type ReadLaneKind } from '../board/laneKinds/registry'
import type { BoardContent } from '../board/schema'

export interface EmotionCurve {
  persona: string
  /** Score per stage, -2 (very negative) … +2 (very positive); a stage without one is left out. */
  points: { stageId: StageId; value: number }[]
}

export interface PainPoint {
  text: string
  stage: string
  lane: string
  /** 1 (minor) … 5 (blocking); absent when the board does not rate pain points. */
  severity?: number
}

export interface KindCounts {
  kind: LaneKind
  label: string
  /** Per stage, in the stages' order. */
  perStage: number[]
  total: number
}

export interface BoardInsights {
  stages: { id: StageId; title: string }[]
  kinds: KindCounts[]
  curves: EmotionCurve[]
  personas: string[]
  painPoints: PainPoint[]
  /** True when the pain points are ranked by severity; false when they are in map order. */
  painPointsRanked: boolean
}

/** What later schema versions add to the content the insights read. */
export interface BoardExtras {
  curves?: EmotionCurve[]
  personas?: string[]
  severity?: ReadonlyMap<string, number>
}

export const TOP_PAIN_POINTS = 10

const signed = (v: number) => (v > 0 ? `+${v}` : String(v))

/** "Emotion curve, Ana: Awareness +1, Consideration 0, …": what a screen reader says for the figure. */
export function curveAltText(curve: EmotionCurve, stages: readonly { id: StageId; title: string }[]): string {
  const byStage = new Map(curve.points.map((p) => [p.stageId, p.value]))
  const parts = stages.flatMap((s) => {
    const v = byStage.get(s.id)
    return v === undefined ? [] : [`${s.title} ${signed(v)}`]
  })
  return `Emotion curve, ${curve.persona}: ${parts.join(', ')}`
}

export function boardInsights(board: BoardContent, extras: BoardExtras = {}): BoardInsights {
  const stageIndex = new Map(board.stages.map((s, i) => [s.id, i]))
  const laneById = new Map(board.lanes.map((l) => [l.id, l]))
  const counts = new Map<ReadLaneKind, number[]>()
  for (const note of board.notes) {
    const lane = laneById.get(note.laneId)
    const i = stageIndex.get(note.stageId)
    if (!lane || i === undefined) continue
    let row = counts.get(lane.kind)
    if (!row) {
      row = board.stages.map(() => 0)
      counts.set(lane.kind, row)
    }
    row[i] = (row[i] ?? 0) + 1
  }
  const kinds = LANE_KINDS.flatMap((kind): KindCounts[] => {
    const perStage = counts.get(kind)
    if (!perStage) return []
    return [{ kind, label: getLaneKind(kind).label, perStage, total: perStage.reduce((a, b) => a + b, 0) }]
  })
  const severity = extras.severity
  const pains: (PainPoint & { at: number })[] = []
  // Map order: stage by stage, lane by lane, as the notes are read (board.notes is by order key).
  const laneIndex = new Map(board.lanes.map((l, i) => [l.id, i]))
  for (const note of board.notes) {
    const lane = laneById.get(note.laneId)
    const s = stageIndex.get(note.stageId)
    if (!lane || s === undefined || lane.kind !== 'pain-points' || note.text.trim() === '') continue
    const rated = severity?.get(note.id)
    pains.push({
      text: note.text,
      stage: board.stages[s]?.title ?? '',
      lane: lane.title,
      ...(rated !== undefined ? { severity: rated } : {}),
      at: s * 1e6 + (laneIndex.get(lane.id) ?? 0) * 1e3,
    })
  }
  const ranked = pains.some((p) => p.severity !== undefined)
  pains.sort((a, b) => (ranked ? (b.severity ?? 0) - (a.severity ?? 0) : 0) || a.at - b.at)
  return {
    stages: board.stages.map((s) => ({ id: s.id, title: s.title })),
    kinds,
    curves: extras.curves ?? [],
    personas: extras.personas ?? [],
    painPoints: pains.slice(0, TOP_PAIN_POINTS).map(({ at: _at, ...p }) => p),
    painPointsRanked: ranked,
  }
}
