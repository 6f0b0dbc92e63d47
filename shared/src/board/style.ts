/** The palette notes may use; stored by name so that themes and the PDF can map names to inks. */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

// A lane's kind, its label and its colors are the lane-kind registry's (laneKinds/registry.ts); the
// type is re-exported here, where it used to live, for code that still imports it from here.
export type { LaneKind } from './laneKinds/registry'

export const isNoteColor = (value: unknown): value is NoteColor =>
  typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value)
