/*
 * The service blueprint's line of visibility: a thin row between what the customer sees (frontstage)
 * and what they do not (backstage). Holds nothing.
 */
import { contentLane, fixedRow } from './contentLane'

export const VISIBILITY_LANE_HEIGHT = 32

export const visibilityLane = contentLane({
  id: 'visibility',
  label: 'Line of visibility',
  holds: 'nothing',
  rowHeight: fixedRow(VISIBILITY_LANE_HEIGHT),
  cellTint: '#ffffff',
  headerAccent: '#1f2a44',
  swatch: { fill: '#ffffff', border: '#1f2a44' },
  csv: { columns: ['stage', 'lane'], rows: () => [] },
})
