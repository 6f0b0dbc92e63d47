/** The palette notes may use; stored by name so that themes and the PDF can map names to inks. */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

export const LANE_KINDS = [
  'actions',
  'touchpoints',
  'emotions',
  'pain-points',
  'opportunities',
  'custom',
] as const
export type LaneKind = (typeof LANE_KINDS)[number]

/** How the add-lane form and the lane menu name each kind. */
export const LANE_KIND_LABEL: Record<LaneKind, string> = {
  actions: 'Actions',
  touchpoints: 'Touchpoints',
  emotions: 'Emotions',
  'pain-points': 'Pain points',
  opportunities: 'Opportunities',
  custom: 'Custom',
}

/** The color a new note gets in a lane of this kind, so a lane reads at a glance. */
export const DEFAULT_NOTE_COLOR: Record<LaneKind, NoteColor> = {
  actions: 'yellow',
  touchpoints: 'blue',
  emotions: 'pink',
  'pain-points': 'orange',
  opportunities: 'green',
  custom: 'yellow',
}

export const isNoteColor = (value: unknown): value is NoteColor =>
  typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value)

export const isLaneKind = (value: unknown): value is LaneKind =>
  typeof value === 'string' && (LANE_KINDS as readonly string[]).includes(value)
