/*
 * The metrics lane: one number per stage (conversion, NPS, time on task…), named by the lane's
 * metricName and metricUnit, drawn as the value and a small bar scaled across the row. Fixed height.
 */
import { contentLane, fixedRow } from './contentLane'

export const METRICS_LANE_HEIGHT = 88

export const metricsLane = contentLane({
  id: 'metrics',
  label: 'Metrics',
  holds: 'values',
  rowHeight: fixedRow(METRICS_LANE_HEIGHT),
  cellTint: '#f6f7fb',
  headerAccent: '#6b7aa6',
  swatch: { fill: '#dfe3f0', border: '#6b7aa6' },
  csv: {
    columns: ['stage', 'lane', 'metric', 'value', 'unit'],
    rows: (lane, board) => {
      const values = new Map(
        board.metricValues.filter((v) => v.laneId === lane.id).map((v) => [v.stageId, v]),
      )
      return board.stages.flatMap((stage) => {
        const value = values.get(stage.id)
        return value
          ? [[stage.title, lane.title, lane.metricName ?? '', String(value.value), lane.metricUnit ?? '']]
          : []
      })
    },
  },
})
