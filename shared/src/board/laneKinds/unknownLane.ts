import { contentLane, fixedRow } from './contentLane'

/**
 * What a lane of a kind this build does not know (a newer client's) reads as: in no picker, holding
 * nothing, drawn as a row saying "This lane needs a newer Journeyboard". Its stored kind is kept.
 */
export const unknownLane = contentLane({
  id: 'unknown',
  label: 'Needs a newer Journeyboard',
  holds: 'nothing',
  rowHeight: fixedRow(56),
  cellTint: '#f4f4f4',
  headerAccent: '#9aa0aa',
  swatch: { fill: '#f4f4f4', border: '#9aa0aa' },
  csv: { columns: ['stage', 'lane'], rows: () => [] },
})
