/*
 * A metrics lane as scene items: per stage its value with the metric's unit, and a small bar whose
 * length is the value's share of the largest magnitude in the row, so stages compare at a glance.
 * A stage without a value draws nothing (an empty cell says nothing, not "0").
 */
import type { LaneId, StageId } from '../../board/ids'
import type { SceneItem } from '../items'

export const METRIC_STYLE = {
  fontSizePx: 26,
  insetPx: 16,
  barHeightPx: 8,
  bar: '#4f7bd9',
  barNegative: '#d9534f',
  track: '#e6ebf3',
  text: '#13294b',
} as const

export interface MetricStage {
  id: StageId
  x: number
  w: number
}

/** "42 %", "−3", "1,250 tickets": the number in the board's locale-free form, then the unit. */
export function formatMetric(value: number, unit: string): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10
  const number = `${rounded < 0 ? '−' : ''}${Math.abs(rounded).toLocaleString('en-US')}`
  const u = unit.trim()
  if (!u) return number
  return u === '%' ? `${number} %` : `${number} ${u}`
}

/** Each value's bar length as a share (0–1) of the largest magnitude in the row. */
export function barShares(values: ReadonlyMap<StageId, number>): Map<StageId, number> {
  const max = Math.max(0, ...[...values.values()].map(Math.abs))
  return new Map([...values].map(([id, v]) => [id, max === 0 ? 0 : Math.abs(v) / max]))
}

export function metricLaneItems(
  lane: { id: LaneId; y: number; h: number },
  stages: readonly MetricStage[],
  values: ReadonlyMap<StageId, number>,
  unit: string,
): SceneItem[] {
  const s = METRIC_STYLE
  const shares = barShares(values)
  return stages.flatMap((stage): SceneItem[] => {
    const value = values.get(stage.id)
    if (value === undefined) return []
    const w = Math.max(0, stage.w - 2 * s.insetPx)
    const textH = s.fontSizePx * 1.2
    const top = lane.y + Math.max(s.insetPx, (lane.h - textH - 10 - s.barHeightPx) / 2)
    const barY = top + textH + 10
    return [
      {
        kind: 'text',
        layer: 'content',
        record: lane.id,
        stage: stage.id,
        x: stage.x + s.insetPx,
        y: top,
        w,
        h: textH,
        text: formatMetric(value, unit),
        color: s.text,
        fontSize: s.fontSizePx,
        fontWeight: 700,
        lineHeight: 1.2,
        letterSpacing: 0,
        align: 'left',
        verticalAlign: 'middle',
        wrap: 'none',
        ellipsis: true,
      },
      {
        kind: 'rect',
        layer: 'content',
        record: lane.id,
        stage: stage.id,
        x: stage.x + s.insetPx,
        y: barY,
        w,
        h: s.barHeightPx,
        radius: s.barHeightPx / 2,
        fill: s.track,
      },
      {
        kind: 'rect',
        layer: 'content',
        record: lane.id,
        stage: stage.id,
        x: stage.x + s.insetPx,
        y: barY,
        w: Math.max(s.barHeightPx, w * (shares.get(stage.id) ?? 0)),
        h: s.barHeightPx,
        radius: s.barHeightPx / 2,
        fill: value < 0 ? s.barNegative : s.bar,
      },
    ]
  })
}
