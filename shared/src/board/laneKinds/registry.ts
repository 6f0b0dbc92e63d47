/*
 * Every lane kind, in the order the pickers list them. A lane stores its kind's id; everything that
 * depends on the kind looks its definition up here (`getLaneKind`). Adding a kind is one entry below
 * and, for a new family, its module beside notesLanes.ts: see docs/board-document.md.
 *
 * Two ids are not in the list: v1's `emotions` ("Thoughts & emotions", a notes lane) reads as
 * `thoughts` (the lane field's alias), and a kind this build does not know reads as `unknown`
 * (unknownLane.ts), which holds nothing and is in no picker; its stored kind is never rewritten.
 */
import { channelsLane } from './channelsLane'
import { emotionLane } from './emotionLane'
import type { LaneKindDef } from './laneKind'
import { metricsLane } from './metricsLane'
import { notesLane } from './notesLanes'
import { textLane } from './textLane'
import { unknownLane } from './unknownLane'
import { visibilityLane } from './visibilityLane'

export const LANE_KIND_LIST = [
  notesLane({
    id: 'actions',
    label: 'Actions',
    newNote: 'yellow',
    cellTint: '#fffdf2',
    headerAccent: '#e6cf5c',
  }),
  notesLane({
    id: 'touchpoints',
    label: 'Touchpoints',
    newNote: 'blue',
    cellTint: '#f5faff',
    headerAccent: '#7fb5ec',
  }),
  notesLane({
    id: 'thoughts',
    label: 'Thoughts',
    newNote: 'pink',
    cellTint: '#fff7fa',
    headerAccent: '#ec8fb3',
  }),
  notesLane({
    id: 'pain-points',
    label: 'Pain points',
    newNote: 'orange',
    cellTint: '#fff8f2',
    headerAccent: '#f0a868',
  }),
  notesLane({
    id: 'opportunities',
    label: 'Opportunities',
    newNote: 'green',
    cellTint: '#f6fdf3',
    headerAccent: '#8fd27a',
  }),
  notesLane({
    id: 'frontstage',
    label: 'Frontstage',
    newNote: 'teal',
    cellTint: '#f3fcfa',
    headerAccent: '#6ccdbb',
  }),
  notesLane({
    id: 'backstage',
    label: 'Backstage',
    newNote: 'purple',
    cellTint: '#f9f6ff',
    headerAccent: '#b39af0',
  }),
  notesLane({
    id: 'support',
    label: 'Support processes',
    newNote: 'gray',
    cellTint: '#f7f8fa',
    headerAccent: '#8d96a5',
  }),
  notesLane({
    id: 'owners',
    label: 'Owners',
    newNote: 'yellow',
    cellTint: '#fffcf0',
    headerAccent: '#c9b34a',
  }),
  notesLane({
    id: 'custom',
    label: 'Custom',
    newNote: 'yellow',
    cellTint: '#fafafa',
    headerAccent: '#b4bac4',
  }),
  emotionLane,
  channelsLane,
  metricsLane,
  textLane,
  visibilityLane,
] as const satisfies readonly LaneKindDef[]

/** A kind a lane may be given and this build writes (picked, templated, imported). */
export type LaneKind = (typeof LANE_KIND_LIST)[number]['id']

/**
 * A lane's kind as readers give it: a registered kind, or `unknown` for one a newer client wrote.
 * Kept apart from LaneKind so that nothing can write `unknown` into a document by accident.
 */
export type ReadLaneKind = LaneKind | typeof unknownLane.id

/** Every kind a picker offers, in picker order (`unknown` is not among them). */
export const LANE_KINDS: readonly LaneKind[] = LANE_KIND_LIST.map((def) => def.id)

/** What a reader makes of a kind this build does not know (a newer client's, or garbage). */
export const FALLBACK_LANE_KIND: ReadLaneKind = unknownLane.id

/** The kinds a lane's `kind` field reads as: the registered ones and `unknown`. */
export const READ_LANE_KINDS: readonly ReadLaneKind[] = [...LANE_KINDS, FALLBACK_LANE_KIND]

/** Older stored names and what they read as: v1's notes lane "Thoughts & emotions". */
export const LANE_KIND_ALIASES: Readonly<Record<string, LaneKind>> = { emotions: 'thoughts' }

const byId = new Map<string, LaneKindDef<ReadLaneKind>>(LANE_KIND_LIST.map((def) => [def.id, def]))

/** A kind a lane may be given (picked, imported): registered, not `unknown`. */
export const isLaneKind = (value: unknown): value is LaneKind => typeof value === 'string' && byId.has(value)

/** The definition of a kind; `unknown` (and anything unregistered) gets the unknown kind's. */
export function getLaneKind(kind: ReadLaneKind): LaneKindDef<ReadLaneKind> {
  return byId.get(kind) ?? unknownLane
}

/** Whether a kind's cells hold notes (the notes family). */
export const holdsNotes = (kind: ReadLaneKind): boolean => getLaneKind(kind).layout.holds === 'notes'
