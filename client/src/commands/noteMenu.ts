/*
 * The items of a note's menu, as data (right-click or long-press on a note). They act on the selection,
 * which the opening press made hold the note, so "Delete" in the menu and the Delete key agree. The
 * kind, severity and tags items show the selection's current state: a radio item is checked only when
 * every selected note agrees, a tag is "mixed" when some selected notes carry it and some do not.
 */
import type { NoteId, TagId } from '../../../shared/src/board/ids'
import type { Tag } from '../../../shared/src/board/records/tag'
import type { NoteKind } from '../../../shared/src/board/style'
import type { CommandMenuItem } from '../panels/CommandMenu'

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  plain: 'Plain',
  pain: 'Pain point',
  idea: 'Idea',
  question: 'Question',
  quote: 'Quote',
}

/** What the selected notes are, for the menu's checked states. */
export interface SelectionFacts {
  count: number
  kinds: ReadonlySet<NoteKind>
  /** Severities of the selected pain points (undefined: a pain point without one). */
  severities: ReadonlySet<number | undefined>
  /** How many of the selected notes carry each tag. */
  tagCounts: ReadonlyMap<TagId, number>
}

export function selectionFacts(
  notes: readonly { kind: NoteKind; severity?: number; tags: readonly TagId[] }[],
): SelectionFacts {
  const kinds = new Set<NoteKind>()
  const severities = new Set<number | undefined>()
  const tagCounts = new Map<TagId, number>()
  for (const note of notes) {
    kinds.add(note.kind)
    if (note.kind === 'pain') severities.add(note.severity)
    for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1)
  }
  return { count: notes.length, kinds, severities, tagCounts }
}

const only = <T>(set: ReadonlySet<T>, value: T): boolean => set.size === 1 && set.has(value)

export function noteMenuItems(note: NoteId, facts: SelectionFacts, tags: readonly Tag[]): CommandMenuItem[] {
  const selected = Math.max(1, facts.count)
  const what = selected > 1 ? `${selected} notes` : 'note'
  const items: CommandMenuItem[] = [
    ...(selected > 1 ? [] : [{ commandId: 'note.edit', label: 'Edit text', args: { note } }]),
    { commandId: 'edit.duplicate', label: `Duplicate ${what}`, args: {} },
    { commandId: 'edit.copy', label: `Copy ${what}`, args: {} },
    { commandId: 'note.park', label: `Move ${what} to the parking lot`, args: {} },
  ]
  for (const [kind, label] of Object.entries(NOTE_KIND_LABELS) as [NoteKind, string][]) {
    items.push({
      commandId: 'note.setKind',
      label,
      args: { note, kind },
      checked: only(facts.kinds, kind),
      group: 'Kind',
    })
  }
  if (facts.kinds.has('pain')) {
    for (const severity of [1, 2, 3]) {
      items.push({
        commandId: 'note.setSeverity',
        label: `Severity ${severity}`,
        args: { note, severity },
        checked: only(facts.severities, severity),
        group: 'Severity',
      })
    }
  }
  if (facts.kinds.has('quote'))
    items.push({ commandId: 'note.editSource', label: 'Source…', args: { note }, groupStart: true })
  for (const tag of tags) {
    const count = facts.tagCounts.get(tag.id) ?? 0
    const all = count > 0 && count >= selected
    items.push({
      commandId: 'note.setTag',
      // Checking a tag some of the notes carry puts it on all of them.
      label: tag.name,
      args: { note, tag: tag.id, on: !all },
      checked: all ? true : count > 0 ? 'mixed' : false,
      role: 'checkbox',
      group: 'Tags',
      stayOpen: true,
    })
  }
  items.push({ commandId: 'note.delete', label: `Delete ${what}`, args: {}, danger: true, groupStart: true })
  return items
}
