/*
 * An emotion lane as scene items: per persona, a smooth curve through the stage centres at the height
 * of its score (−2 frustrated at the bottom … +2 delighted at the top), a face at each scored point, a
 * dashed zero line, a legend when several personas share the lane, and a "personas diverge" badge on
 * stages where two personas' scores are 2 or more apart. A stage without a score breaks the curve: a
 * gap is never drawn as a zero.
 *
 * The curve is a cubic Bézier per span with horizontal tangents at every point: smooth (C1) through
 * the points, and it never overshoots the range between two neighbours, so it stays inside −2…+2.
 */
import type { LaneId, PersonaId, StageId } from '../../board/ids'
import type { Point, Rect } from '../../layout/geometry'
import type { IconName } from '../icons'
import type { PathCommand, SceneItem } from '../items'

export type EmotionScore = -2 | -1 | 0 | 1 | 2

/** What a score is called, in the outline and the PDF's alt text ("Onboarding, Ana: −1, unhappy"). */
export const EMOTION_WORDS: Record<EmotionScore, string> = {
  [-2]: 'frustrated',
  [-1]: 'unhappy',
  0: 'neutral',
  1: 'happy',
  2: 'delighted',
}

const FACES: Record<EmotionScore, IconName> = {
  [-2]: 'face-angry',
  [-1]: 'face-slightly-frowning',
  0: 'face-neutral',
  1: 'face-slightly-smiling',
  2: 'face-grinning',
}

/** Board units. */
export const CURVE_STYLE = {
  /** Space above +2 and below −2 inside the lane, so faces are not cut by the lane's edges. */
  insetYPx: 26,
  lineWidthPx: 3,
  faceSizePx: 28,
  zeroLine: '#9aa3b5',
  badgeFill: '#fde8e8',
  badgeText: '#8a2b2b',
  legendFontPx: 13,
} as const

export const DIVERGENCE_TEXT = 'Personas diverge'

export interface CurveStage {
  id: StageId
  title: string
  x: number
  w: number
}

export interface PersonaCurve {
  personaId: PersonaId
  name: string
  color: string
  /** Scores by stage; a stage missing here has no score (a gap). */
  scores: ReadonlyMap<StageId, number>
}

export const signed = (score: number): string => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0')

/** The one name of a point, for the outline and screen readers: "Onboarding, Ana: −1, unhappy". */
export function emotionPointName(stageTitle: string, personaName: string, score: number): string {
  return `${stageTitle}, ${personaName}: ${signed(score)}, ${EMOTION_WORDS[clampScore(score)]}`
}

/** The PDF figure's alt text: "Emotion curve, Ana: Awareness +1, Consideration 0, Purchase no score". */
export function emotionCurveAlt(curve: PersonaCurve, stages: readonly CurveStage[]): string {
  const points = stages.map((s) => {
    const score = curve.scores.get(s.id)
    return `${s.title} ${score === undefined ? 'no score' : signed(score)}`
  })
  return `Emotion curve, ${curve.name}: ${points.join(', ')}`
}

export function clampScore(score: number): EmotionScore {
  return Math.max(-2, Math.min(2, Math.round(score))) as EmotionScore
}

/** The y of a score in a lane (board units). */
export function scoreY(lane: { y: number; h: number }, score: number): number {
  const top = lane.y + CURVE_STYLE.insetYPx
  const span = Math.max(0, lane.h - 2 * CURVE_STYLE.insetYPx)
  return top + ((2 - clampScore(score)) / 4) * span
}

/** The score nearest to a board y in a lane: clicking in a cell, or dropping a dragged point, snaps to it. */
export function scoreAtY(lane: { y: number; h: number }, y: number): EmotionScore {
  const span = Math.max(1, lane.h - 2 * CURVE_STYLE.insetYPx)
  return clampScore(2 - ((y - lane.y - CURVE_STYLE.insetYPx) / span) * 4)
}

/** Stages where two personas' scores differ by 2 or more. */
export function divergentStages(curves: readonly PersonaCurve[], stages: readonly CurveStage[]): StageId[] {
  return stages
    .filter((s) => {
      const scores = curves.flatMap((c) => {
        const v = c.scores.get(s.id)
        return v === undefined ? [] : [v]
      })
      return scores.length > 1 && Math.max(...scores) - Math.min(...scores) >= 2
    })
    .map((s) => s.id)
}

/** Consecutive scored stages, as runs of points: each run is one unbroken piece of curve. */
export function curveRuns(
  curve: PersonaCurve,
  stages: readonly CurveStage[],
  lane: { y: number; h: number },
): Point[][] {
  const runs: Point[][] = []
  let run: Point[] = []
  for (const s of stages) {
    const score = curve.scores.get(s.id)
    if (score === undefined) {
      if (run.length) runs.push(run)
      run = []
    } else run.push({ x: s.x + s.w / 2, y: scoreY(lane, score) })
  }
  if (run.length) runs.push(run)
  return runs
}

/** A smooth path through points: horizontal tangents at each, control points halfway between. */
export function smoothPath(points: readonly Point[]): PathCommand[] {
  const [first, ...rest] = points
  if (!first) return []
  const commands: PathCommand[] = [['M', first.x, first.y]]
  let prev = first
  for (const p of rest) {
    const mid = (prev.x + p.x) / 2
    commands.push(['C', mid, prev.y, mid, p.y, p.x, p.y])
    prev = p
  }
  return commands
}

export interface EmotionLaneInput {
  lane: { id: LaneId; y: number; h: number }
  stages: readonly CurveStage[]
  curves: readonly PersonaCurve[]
  /** The lane's header box, where the legend goes under the title when there are several curves. */
  header: Rect
}

export function emotionLaneItems({ lane, stages, curves, header }: EmotionLaneInput): SceneItem[] {
  const items: SceneItem[] = []
  const first = stages[0]
  const last = stages[stages.length - 1]
  if (!first || !last) return items
  const zeroY = scoreY(lane, 0)
  items.push({
    kind: 'path',
    layer: 'content',
    record: lane.id,
    commands: [
      ['M', first.x + 12, zeroY],
      ['L', last.x + last.w - 12, zeroY],
    ],
    stroke: { color: CURVE_STYLE.zeroLine, width: 1.5, dash: [8, 6] },
  })
  for (const id of divergentStages(curves, stages)) {
    const s = stages.find((stage) => stage.id === id)
    if (!s) continue
    items.push({
      kind: 'badge',
      layer: 'content',
      record: lane.id,
      stage: s.id,
      // At the cell's top right, clear of the faces on the stage's centre line.
      x: s.x + s.w - 148,
      y: lane.y + 4,
      w: 140,
      h: 20,
      text: DIVERGENCE_TEXT,
      fill: CURVE_STYLE.badgeFill,
      color: CURVE_STYLE.badgeText,
      fontSize: 12,
      fontWeight: 600,
      stroke: { color: CURVE_STYLE.badgeText, width: 1 },
    })
  }
  const alts = new Map(curves.map((c) => [c, emotionCurveAlt(c, stages)]))
  for (const curve of curves) {
    for (const run of curveRuns(curve, stages, lane)) {
      if (run.length > 1)
        items.push({
          kind: 'path',
          layer: 'content',
          record: lane.id,
          figure: alts.get(curve) as string,
          commands: smoothPath(run),
          stroke: { color: curve.color, width: CURVE_STYLE.lineWidthPx },
          lineCap: 'round',
          lineJoin: 'round',
        })
    }
  }
  // Faces over every line, so a crossing curve never hides a point.
  const size = CURVE_STYLE.faceSizePx
  for (const curve of curves) {
    for (const s of stages) {
      const score = curve.scores.get(s.id)
      if (score === undefined) continue
      const c = { x: s.x + s.w / 2, y: scoreY(lane, score) }
      items.push(
        {
          kind: 'rect',
          layer: 'content',
          record: lane.id,
          figure: alts.get(curve) as string,
          x: c.x - size / 2 - 2,
          y: c.y - size / 2 - 2,
          w: size + 4,
          h: size + 4,
          radius: size / 2 + 2,
          fill: '#ffffff',
          stroke: { color: curve.color, width: 2 },
        },
        {
          kind: 'icon',
          layer: 'content',
          record: lane.id,
          figure: alts.get(curve) as string,
          name: FACES[clampScore(score)],
          color: curve.color,
          x: c.x - size / 2 + 2,
          y: c.y - size / 2 + 2,
          w: size - 4,
          h: size - 4,
        },
      )
    }
  }
  // The legend names the curves drawn here: a persona without a point in this lane has no line to name.
  const drawn = curves.filter((c) => stages.some((s) => c.scores.has(s.id)))
  if (drawn.length > 1) items.push(...legendItems(drawn, header, lane.id))
  return items
}

/** One swatch and name per persona, at the bottom of the lane's header. */
function legendItems(curves: readonly PersonaCurve[], header: Rect, laneId: LaneId): SceneItem[] {
  const font = CURVE_STYLE.legendFontPx
  const rowH = font + 6
  const items: SceneItem[] = []
  const top = header.y + header.h - 10 - rowH * curves.length
  curves.forEach((curve, i) => {
    const y = top + i * rowH
    items.push(
      {
        kind: 'rect',
        layer: 'content',
        record: laneId,
        x: header.x + 26,
        y: y + rowH / 2 - 2,
        w: 16,
        h: 4,
        radius: 2,
        fill: curve.color,
      },
      {
        kind: 'text',
        layer: 'content',
        record: laneId,
        x: header.x + 48,
        y,
        w: header.w - 60,
        h: rowH,
        text: curve.name,
        color: '#1f2a44',
        fontSize: font,
        fontWeight: 400,
        lineHeight: 1,
        letterSpacing: 0,
        align: 'left',
        verticalAlign: 'middle',
        wrap: 'none',
        ellipsis: true,
      },
    )
  })
  return items
}
