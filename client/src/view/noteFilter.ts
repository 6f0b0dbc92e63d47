/*
 * Which notes a filter highlights. A note matches when it carries any of the filter's tags or is of
 * any of its kinds; the canvas dims the rest. Each person's own filter wins over the one shared in the
 * document, so a facilitator's shared filter never stops anyone looking for something else.
 * Pure: the canvas asks `matches.has(id)` per note, one Set lookup, on every draw.
 */
import type { NoteId, TagId } from '../../../shared/src/board/ids'
import type { SharedFilter } from '../../../shared/src/board/records/meta'
import type { NoteKind } from '../../../shared/src/board/style'

export interface NoteFacets {
  kind: NoteKind
  /** A pain point's severity (the note menu shows it; the filter does not read it). */
  severity?: number
  tags: readonly TagId[]
}

export interface ActiveFilter {
  tags: ReadonlySet<TagId>
  kinds: ReadonlySet<NoteKind>
  /** Whose filter it is: this person's own, or the one shared with everyone. */
  scope: 'local' | 'shared'
}

export interface FilterLike {
  tags: ReadonlySet<TagId> | readonly TagId[]
  kinds: ReadonlySet<NoteKind> | readonly NoteKind[]
}

const size = (values: ReadonlySet<unknown> | readonly unknown[]): number =>
  'size' in values ? values.size : values.length

export const isEmptyFilter = (filter: FilterLike | null | undefined): boolean =>
  !filter || (size(filter.tags) === 0 && size(filter.kinds) === 0)

/** The filter that applies: this person's own unless it is empty, else the shared one; null for none. */
export function activeFilter(local: FilterLike, shared: SharedFilter | undefined): ActiveFilter | null {
  if (!isEmptyFilter(local)) return { tags: new Set(local.tags), kinds: new Set(local.kinds), scope: 'local' }
  if (shared && !isEmptyFilter(shared))
    return { tags: new Set(shared.tags), kinds: new Set(shared.kinds), scope: 'shared' }
  return null
}

/** The notes the filter highlights; null when no filter applies (nothing is dimmed). */
export function matchingNotes(
  facets: ReadonlyMap<NoteId, NoteFacets>,
  filter: ActiveFilter | null,
): ReadonlySet<NoteId> | null {
  if (!filter) return null
  const matches = new Set<NoteId>()
  for (const [id, note] of facets) {
    if (filter.kinds.has(note.kind) || note.tags.some((tag) => filter.tags.has(tag))) matches.add(id)
  }
  return matches
}

/** The opacity of a note the filter leaves out. */
export const DIMMED_OPACITY = 0.25

export const isDimmed = (matches: ReadonlySet<NoteId> | null, id: NoteId): boolean =>
  matches !== null && !matches.has(id)
