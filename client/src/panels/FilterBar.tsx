/*
 * The filter bar over the top of the canvas: a toggle chip per note kind and per tag. Chosen chips
 * highlight the notes of any chosen kind or tag and dim the rest (view/noteFilter.ts). The filter is
 * this person's own by default; an editor may switch it to "Everyone", which shares it in the document
 * so every screen dims the same. Anyone's own filter still wins over the shared one on their screen.
 */
import type { TagId } from '../../../shared/src/board/ids'
import type { NoteKind } from '../../../shared/src/board/style'
import { NOTE_KIND_MARKS } from '../../../shared/src/scene/noteItems'
import { TAG_INK } from '../../../shared/src/scene/palette'
import { useBoardSession } from '../board/session'
import { NOTE_KIND_LABELS } from '../commands/noteMenu'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy, useFilterMatches, useNoteFacets, useSharedFilter } from '../doc/hooks'
import { clearFilter, setFilterScope, toggleFilterKind, toggleFilterTag, useUi } from '../state/ui'
import { isEmptyFilter } from '../view/noteFilter'
import { SceneIcon } from './SceneIcon'

const KINDS = Object.keys(NOTE_KIND_LABELS) as NoteKind[]

function toggledList<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

export function FilterBar() {
  const { readOnly, commands } = useBoardSession()
  const { tags } = useBoardAnatomy()
  const local = useUi((s) => s.filter)
  const scope = useUi((s) => (readOnly ? 'local' : s.filterScope))
  const shared = useSharedFilter()
  const matches = useFilterMatches()
  const total = useNoteFacets().size
  const sharing = !isEmptyFilter(shared)

  // The chips show, and change, the filter of the chosen scope.
  const shownTags: ReadonlySet<TagId> = scope === 'shared' ? new Set(shared?.tags) : local.tags
  const shownKinds: ReadonlySet<NoteKind> = scope === 'shared' ? new Set(shared?.kinds) : local.kinds
  const share = (next: { tags: readonly TagId[]; kinds: readonly NoteKind[] } | null) =>
    runCommand('filter.share', commands, { filter: next })
  const toggleKind = (kind: NoteKind) => {
    if (scope === 'local') toggleFilterKind(kind)
    else share({ tags: shared?.tags ?? [], kinds: toggledList(shared?.kinds ?? [], kind) })
  }
  const toggleTag = (tag: TagId) => {
    if (scope === 'local') toggleFilterTag(tag)
    else share({ tags: toggledList(shared?.tags ?? [], tag), kinds: shared?.kinds ?? [] })
  }
  const chooseScope = (next: 'local' | 'shared') => {
    if (next === scope) return
    // Switching to everyone shares what this person had chosen; their own filter would hide it.
    if (next === 'shared' && !isEmptyFilter(local)) {
      share({ tags: [...local.tags], kinds: [...local.kinds] })
      clearFilter()
    }
    setFilterScope(next)
  }
  const chosen = shownTags.size + shownKinds.size > 0

  return (
    <div className="filter-bar" role="toolbar" aria-label="Filter notes">
      <span className="filter-bar__title" aria-hidden="true">
        Highlight
      </span>
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="filter-chip"
          aria-pressed={shownKinds.has(kind)}
          onClick={() => toggleKind(kind)}
        >
          {kind !== 'plain' && <SceneIcon name={NOTE_KIND_MARKS[kind].icon} size={14} />}
          {NOTE_KIND_LABELS[kind]}
        </button>
      ))}
      <span className="filter-bar__divider" aria-hidden="true" />
      {tags.map((tag) => (
        <button
          key={tag.id}
          type="button"
          className="filter-chip"
          aria-pressed={shownTags.has(tag.id)}
          onClick={() => toggleTag(tag.id)}
        >
          <span className="tag-dot" style={{ background: TAG_INK[tag.color] }} aria-hidden="true" />
          {tag.name}
        </button>
      ))}
      {chosen && (
        <button
          type="button"
          className="filter-chip filter-chip--clear"
          onClick={() => (scope === 'local' ? clearFilter() : share(null))}
        >
          Clear
        </button>
      )}
      {!readOnly && scope === 'local' && sharing && (
        <button type="button" className="filter-chip filter-chip--clear" onClick={() => share(null)}>
          Stop sharing
        </button>
      )}
      {!readOnly && (
        <fieldset className="filter-bar__scope">
          <legend className="sr-only">Filter for</legend>
          <label className="filter-bar__scope-option">
            <input
              type="radio"
              name="filter-scope"
              checked={scope === 'local'}
              onChange={() => chooseScope('local')}
            />
            Only me
          </label>
          <label className="filter-bar__scope-option">
            <input
              type="radio"
              name="filter-scope"
              checked={scope === 'shared'}
              onChange={() => chooseScope('shared')}
            />
            Everyone
          </label>
        </fieldset>
      )}
      <span className="filter-bar__status" aria-live="polite">
        {matches
          ? `${matches.size} of ${total} notes highlighted${
              isEmptyFilter(local) ? ' for everyone' : sharing ? ' (your own filter; one is shared)' : ''
            }`
          : ''}
      </span>
    </div>
  )
}
