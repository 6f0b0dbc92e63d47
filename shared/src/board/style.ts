/** The palette notes may use; stored by name so that themes and the PDF can map names to inks. */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

// A lane's kind, its label and its colors are the lane-kind registry's (laneKinds/registry.ts); the
// type is re-exported here, where it used to live, for code that still imports it from here.
export type { LaneKind } from './laneKinds/registry'

export const isNoteColor = (value: unknown): value is NoteColor =>
  typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value)

/** Persona accents, by name (the scene maps names to inks). */
export const PERSONA_COLORS = ['indigo', 'teal', 'orange', 'pink', 'green', 'gray'] as const
export type PersonaColor = (typeof PERSONA_COLORS)[number]

/** Tag dots, by name (the scene maps names to inks). */
export const TAG_COLORS = [
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
  'gray',
] as const
export type TagColor = (typeof TAG_COLORS)[number]

/** The channels a chip may name (icons: shared/src/scene/icons); 'custom' shows the chip's own label. */
export const CHANNELS = [
  'web',
  'mobile-app',
  'email',
  'phone',
  'store',
  'chat',
  'social',
  'ads',
  'word-of-mouth',
  'support',
  'partner',
  'in-product',
  'custom',
] as const
export type Channel = (typeof CHANNELS)[number]

/** What a note is: a plain note, or one marked as a pain, an idea, a question or a quote. */
export const NOTE_KINDS = ['plain', 'pain', 'idea', 'question', 'quote'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]
