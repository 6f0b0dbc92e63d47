/*
 * External stores over one board's Y.Doc, for useSyncExternalStore. Each store caches its snapshot and
 * drops the cache only when its own part of the document changes, which is what keeps renders narrow:
 *
 *   layout   recomputed when the grid's structure changes (stages, lanes, and notes' cell, order and
 *            size) — never when only a note's text or color changes.
 *   note(id) one note's fields; observes that note's Y.Map deeply (its Y.Text included), so typing in
 *            one note wakes only that note's subscribers.
 *   colors   every note's color, for the canvas's block detail (one shape draws all notes); recomputed
 *            when a note is added, removed or recolored — never when text, cell or size change.
 *   title    the board's title from meta.
 *   facets   every note's kind and tags, for the filter; recomputed when a note is added or removed or
 *            its kind or tags change — never for text, cell or size.
 *   sharedFilter  the filter shared with everyone, from meta.
 *   anatomy  what content lanes and connectors draw from (lanes, personas, tags, connectors, chips,
 *            scores, metric values, lane texts); recomputed when any of those change, never for notes.
 */
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import type { LaneLayoutContent } from '../../../shared/src/board/laneKinds/laneKind'
import { getLaneKind } from '../../../shared/src/board/laneKinds/registry'
import type { SharedFilter } from '../../../shared/src/board/records/meta'
import {
  getChips,
  getConnectors,
  getLanes,
  getLaneTexts,
  getMeta,
  getMetricValues,
  getNotes,
  getPersonas,
  getScores,
  getStages,
  getTags,
  groupChipsByCell,
  NOTE_FIELDS,
  type Note,
  readBoardTitle,
  readChips,
  readConnectors,
  readLanes,
  readLaneTexts,
  readMeta,
  readMetricValues,
  readNote,
  readNotePlacements,
  readPersonas,
  readScores,
  readStages,
  readTags,
} from '../../../shared/src/board/schema'
import type { NoteColor } from '../../../shared/src/board/style'
import { type BoardLayout, computeLayout, GRID } from '../../../shared/src/layout/grid'
import { type BoardAnatomy, type TagInks, tagInks } from '../../../shared/src/scene/contentItems'
import type { NoteFacets } from '../view/noteFilter'

type Listener = () => void

export interface ExternalStore<T> {
  subscribe: (listener: Listener) => () => void
  getSnapshot: () => T
}

/** Note fields that move a note on the grid; a change to any other field keeps the layout. */
const LAYOUT_KEYS = new Set(['stageId', 'laneId', 'order', 'w', 'h'])

function isStructural(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  notes: Y.AbstractType<unknown>,
): boolean {
  for (const event of events) {
    if (event.target === notes) return true
    if (event instanceof Y.YMapEvent) {
      for (const key of event.keysChanged) if (LAYOUT_KEYS.has(key)) return true
    }
  }
  return false
}

function isRecolor(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  notes: Y.AbstractType<unknown>,
): boolean {
  for (const event of events) {
    if (event.target === notes) return true
    if (event instanceof Y.YMapEvent && event.keysChanged.has('color')) return true
  }
  return false
}

/** Note keys the filter reads: a change elsewhere keeps the facets. */
const FACET_KEYS = new Set(['kind', 'severity', 'tags'])

function isFacetChange(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  notes: Y.AbstractType<unknown>,
): boolean {
  for (const event of events) {
    if (event.target === notes) return true
    // A tag set on or off a note changes the note's own `tags` map: path [noteId, 'tags'].
    if (event.path[1] === 'tags') return true
    if (event instanceof Y.YMapEvent && event.path.length === 1) {
      for (const key of event.keysChanged) if (FACET_KEYS.has(key)) return true
    }
  }
  return false
}

/** Each content lane's tallest cell as the layout would measure it: equal signatures, equal rows. */
function contentSignature(layout: BoardLayout, content: LaneLayoutContent): string {
  const parts: number[] = []
  for (const lane of layout.lanes) {
    const measure = getLaneKind(lane.kind).layout.contentHeight
    if (!measure) continue
    let tallest = 0
    for (const stage of layout.stages) {
      const innerW = stage.w - 2 * GRID.cellPaddingPx
      tallest = Math.max(tallest, measure({ stageId: stage.id, laneId: lane.id, innerW }, content))
    }
    parts.push(tallest)
  }
  return parts.join(',')
}

function listenerSet() {
  const listeners = new Set<Listener>()
  return {
    add(listener: Listener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(): void {
      for (const listener of [...listeners]) listener()
    },
    get size(): number {
      return listeners.size
    },
  }
}

export class DocStores {
  readonly layout: ExternalStore<BoardLayout>
  readonly title: ExternalStore<string>
  readonly colors: ExternalStore<ReadonlyMap<NoteId, NoteColor>>
  readonly anatomy: ExternalStore<BoardAnatomy>
  /** Each tag's ink, for the notes' tag dots: changes only when a tag does. */
  readonly tagInks: ExternalStore<TagInks>
  readonly facets: ExternalStore<ReadonlyMap<NoteId, NoteFacets>>
  readonly sharedFilter: ExternalStore<SharedFilter | undefined>
  private readonly notes = new Map<NoteId, { store: ExternalStore<Note | null>; replaced: () => void }>()
  private readonly disposers: (() => void)[] = []

  constructor(readonly doc: Y.Doc) {
    this.layout = this.createLayoutStore()
    this.title = this.createTitleStore()
    this.colors = this.createColorsStore()
    this.anatomy = this.createAnatomyStore()
    this.tagInks = this.createTagInksStore()
    this.facets = this.createFacetsStore()
    this.sharedFilter = this.createSharedFilterStore()
    // One observer for every watched note: a note added, deleted or replaced under its id.
    const onNotesKeys = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      for (const key of event.keysChanged) this.notes.get(key as NoteId)?.replaced()
    }
    getNotes(doc).observe(onNotesKeys)
    this.disposers.push(() => getNotes(doc).unobserve(onNotesKeys))
  }

  private createLayoutStore(): ExternalStore<BoardLayout> {
    const listeners = listenerSet()
    let cached: BoardLayout | null = null
    const invalidate = () => {
      cached = null
      listeners.emit()
    }
    const notes = getNotes(this.doc)
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (isStructural(events, notes as Y.AbstractType<unknown>)) invalidate()
    }
    // Chips and text blocks size their rows: a change re-lays the grid only when a row's height would
    // change, so typing in a text block does not re-lay a 10,000-note board on every key.
    let measured = ''
    const onContent = () => {
      if (cached && contentSignature(cached, this.contentOf()) === measured) return
      invalidate()
    }
    notes.observeDeep(onNotes)
    getStages(this.doc).observeDeep(invalidate)
    getLanes(this.doc).observeDeep(invalidate)
    getChips(this.doc).observeDeep(onContent)
    getLaneTexts(this.doc).observeDeep(onContent)
    this.disposers.push(() => {
      notes.unobserveDeep(onNotes)
      getStages(this.doc).unobserveDeep(invalidate)
      getLanes(this.doc).unobserveDeep(invalidate)
      getChips(this.doc).unobserveDeep(onContent)
      getLaneTexts(this.doc).unobserveDeep(onContent)
    })
    return {
      subscribe: listeners.add,
      getSnapshot: () => {
        if (!cached) {
          const content = this.contentOf()
          cached = computeLayout(
            readStages(this.doc),
            readLanes(this.doc),
            readNotePlacements(this.doc),
            content,
          )
          measured = contentSignature(cached, content)
        }
        return cached
      },
    }
  }

  private contentOf(): LaneLayoutContent {
    return { chips: readChips(this.doc), laneTexts: readLaneTexts(this.doc) }
  }

  private createTagInksStore(): ExternalStore<TagInks> {
    return this.derivedStore([getTags(this.doc) as Y.AbstractType<unknown>], () =>
      tagInks({ tags: readTags(this.doc) }),
    )
  }

  private createAnatomyStore(): ExternalStore<BoardAnatomy> {
    const doc = this.doc
    const sources = [
      getLanes(doc),
      getPersonas(doc),
      getTags(doc),
      getConnectors(doc),
      getChips(doc),
      getScores(doc),
      getMetricValues(doc),
      getLaneTexts(doc),
    ] as Y.AbstractType<unknown>[]
    return this.derivedStore(sources, () => {
      const chips = readChips(doc)
      return {
        lanes: readLanes(doc),
        personas: readPersonas(doc),
        tags: readTags(doc),
        connectors: readConnectors(doc),
        chips,
        chipsByCell: groupChipsByCell(chips),
        scores: readScores(doc),
        metricValues: readMetricValues(doc),
        laneTexts: readLaneTexts(doc),
      }
    })
  }

  private createColorsStore(): ExternalStore<ReadonlyMap<NoteId, NoteColor>> {
    const notes = getNotes(this.doc)
    return this.derivedStore(
      [notes as Y.AbstractType<unknown>],
      () => {
        const colors = new Map<NoteId, NoteColor>()
        notes.forEach((map, id) => {
          const note = readNote(id, map)
          if (note) colors.set(note.id, note.color)
        })
        return colors
      },
      (events) => isRecolor(events, notes as Y.AbstractType<unknown>),
    )
  }

  /**
   * A snapshot computed from `sources` on demand and kept until one of them changes (deeply) in a way
   * `relevant` accepts; every store below but the layout and the per-note ones is one of these.
   */
  private derivedStore<T>(
    sources: readonly Y.AbstractType<unknown>[],
    read: () => T,
    relevant: (events: readonly Y.YEvent<Y.AbstractType<unknown>>[]) => boolean = () => true,
  ): ExternalStore<T> {
    const listeners = listenerSet()
    let cached: { value: T } | null = null
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (!relevant(events)) return
      cached = null
      listeners.emit()
    }
    for (const source of sources) source.observeDeep(onChange)
    this.disposers.push(() => {
      for (const source of sources) source.unobserveDeep(onChange)
    })
    return {
      subscribe: listeners.add,
      getSnapshot: () => {
        cached ??= { value: read() }
        return cached.value
      },
    }
  }

  private createFacetsStore(): ExternalStore<ReadonlyMap<NoteId, NoteFacets>> {
    const notes = getNotes(this.doc)
    return this.derivedStore(
      [notes as Y.AbstractType<unknown>],
      () => {
        const facets = new Map<NoteId, NoteFacets>()
        notes.forEach((map, id) => {
          // Without the text (10,000 notes' texts would be read for nothing); the kind comes with it.
          const note = readNote(id, map, false)
          if (!note || !(map instanceof Y.Map)) return
          facets.set(note.id, {
            kind: note.kind,
            severity: NOTE_FIELDS.severity.read(map.get('severity')),
            tags: NOTE_FIELDS.tags.read(map.get('tags')),
          })
        })
        return facets
      },
      (events) => isFacetChange(events, notes as Y.AbstractType<unknown>),
    )
  }

  private createSharedFilterStore(): ExternalStore<SharedFilter | undefined> {
    const listeners = listenerSet()
    let cached: { value: SharedFilter | undefined; json: string } | null = null
    const meta = getMeta(this.doc)
    const read = () => {
      const value = readMeta(this.doc).sharedFilter
      return { value, json: JSON.stringify(value ?? null) }
    }
    // Meta also holds the title: only a different filter wakes the subscribers.
    const onMeta = () => {
      const next = read()
      if (cached && cached.json === next.json) return
      cached = next
      listeners.emit()
    }
    meta.observe(onMeta)
    this.disposers.push(() => meta.unobserve(onMeta))
    return {
      subscribe: listeners.add,
      getSnapshot: () => {
        cached ??= read()
        return cached.value
      },
    }
  }

  private createTitleStore(): ExternalStore<string> {
    const listeners = listenerSet()
    let cached: string | null = null
    const onMeta = () => {
      cached = null
      listeners.emit()
    }
    getMeta(this.doc).observe(onMeta)
    this.disposers.push(() => getMeta(this.doc).unobserve(onMeta))
    return {
      subscribe: listeners.add,
      getSnapshot: () => {
        cached ??= readBoardTitle(this.doc)
        return cached
      },
    }
  }

  /** One store per note id, shared by every subscriber; it observes the note only while watched. */
  note(id: NoteId): ExternalStore<Note | null> {
    const existing = this.notes.get(id)
    if (existing) return existing.store
    const doc = this.doc
    const listeners = listenerSet()
    let cached: Note | null | undefined
    let observed: Y.Map<unknown> | null = null
    const onChange = () => {
      cached = undefined
      listeners.emit()
    }
    // The note's Y.Map is replaced when the note is deleted or made again; re-attach on that.
    const attach = () => {
      observed?.unobserveDeep(onChange)
      const map = getNotes(doc).get(id)
      observed = map instanceof Y.Map ? map : null
      observed?.observeDeep(onChange)
    }
    const entry = {
      replaced: () => {
        attach()
        onChange()
      },
      store: {
        subscribe: (listener: Listener) => {
          if (listeners.size === 0) {
            this.notes.set(id, entry)
            attach()
            cached = undefined
          }
          const remove = listeners.add(listener)
          return () => {
            remove()
            if (listeners.size === 0) {
              observed?.unobserveDeep(onChange)
              observed = null
              this.notes.delete(id)
            }
          }
        },
        getSnapshot: () => {
          if (cached === undefined) cached = readNote(id, getNotes(doc).get(id))
          return cached
        },
      },
    }
    this.notes.set(id, entry)
    return entry.store
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    this.disposers.length = 0
  }
}
