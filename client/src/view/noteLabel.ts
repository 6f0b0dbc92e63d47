import type { TagId } from '../../../shared/src/board/ids'
import type { Note } from '../../../shared/src/board/schema'
import type { NoteKind } from '../../../shared/src/board/style'

/** What a note is called in the outline and by screen readers: its first line, or "Empty note". */
export function noteLabel(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? ''
  return firstLine === '' ? 'Empty note' : firstLine
}

const KIND_NAMES: Record<NoteKind, string> = {
  plain: '',
  pain: 'Pain point',
  idea: 'Idea',
  question: 'Question',
  quote: 'Quote',
}

/**
 * A note's accessible name: its kind (and a pain point's severity), its first line and its tags, e.g.
 * "Pain point, severity 2: Pricing page is confusing (tags: Sales, Support)". A plain note is just its
 * text, so the common case stays short. Tags are named in the board's tag order (not the note's, which
 * is by id), and tags that no longer exist are left out, as the canvas does.
 */
export function noteName(
  note: Pick<Note, 'text' | 'kind' | 'severity' | 'source' | 'tags'>,
  boardTags: readonly { id: TagId; name: string }[],
): string {
  let kind = KIND_NAMES[note.kind] ?? ''
  if (note.kind === 'pain' && note.severity) kind += `, severity ${note.severity}`
  if (note.kind === 'quote' && note.source?.trim()) kind += ` from ${note.source.trim()}`
  const tags = boardTags.filter((tag) => note.tags.includes(tag.id)).map((tag) => tag.name)
  const text = noteLabel(note.text)
  return `${kind ? `${kind}: ` : ''}${text}${tags.length ? ` (tags: ${tags.join(', ')})` : ''}`
}
