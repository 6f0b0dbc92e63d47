/*
 * Every lane kind, in the order the pickers list them. A lane stores its kind's id; everything that
 * depends on the kind looks its definition up here (`getLaneKind`). Adding a kind is one entry below
 * and, for a new family (the anatomy issue's emotion, channels, metrics and text lanes), its module
 * beside notesLanes.ts: see docs/board-document.md.
 */
import type { LaneKindDef } from './laneKind'
import { notesLane } from './notesLanes'

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
    id: 'emotions',
    label: 'Emotions',
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
    id: 'custom',
    label: 'Custom',
    newNote: 'yellow',
    cellTint: '#fafafa',
    headerAccent: '#b4bac4',
  }),
] as const satisfies readonly LaneKindDef[]

export type LaneKind = (typeof LANE_KIND_LIST)[number]['id']

/** Every kind's stored id, in picker order. */
export const LANE_KINDS: readonly LaneKind[] = LANE_KIND_LIST.map((def) => def.id)

/** What a reader makes of a kind this build does not know (a newer client's, or garbage). */
export const FALLBACK_LANE_KIND: LaneKind = 'custom'

const byId = new Map<string, LaneKindDef<LaneKind>>(LANE_KIND_LIST.map((def) => [def.id, def]))

export const isLaneKind = (value: unknown): value is LaneKind => typeof value === 'string' && byId.has(value)

/** The definition of a kind; readers have already mapped unknown kinds to FALLBACK_LANE_KIND. */
export function getLaneKind(kind: LaneKind): LaneKindDef<LaneKind> {
  return byId.get(kind) ?? (byId.get(FALLBACK_LANE_KIND) as LaneKindDef<LaneKind>)
}
