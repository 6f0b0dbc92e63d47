/*
 * Commands that change what a note says about itself beyond its text — its kind, a pain point's
 * severity, a quote's source, its tags — from the note menu. Each acts on every selected note (or the
 * one named) in a single local transaction, so one undo step takes back the whole change.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import {
  getNotes,
  getTags,
  readNote,
  setNoteKind,
  setNoteSeverity,
  setNoteSource,
  setNoteTag,
} from '../../../shared/src/board/schema'
import { NOTE_KINDS } from '../../../shared/src/board/style'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { openGridEdit, selectedNoteIds } from '../state/ui'
import type { Command, CommandArgs, CommandContext } from './registry'

/** The notes a detail command acts on: the one named, else the selection; only those on the board. */
function targets(ctx: CommandContext, args?: CommandArgs): NoteId[] {
  const notes = getNotes(ctx.doc)
  const ids = args?.note && !selectedNoteIds().includes(args.note) ? [args.note] : selectedNoteIds()
  return ids.filter((id) => notes.has(id))
}

const kindOf = (ctx: CommandContext, id: NoteId) => readNote(id, getNotes(ctx.doc).get(id), false)?.kind

/** Runs `edit` on each target in one transaction (nested ones join it: one undo step). */
function eachTarget(ctx: CommandContext, args: CommandArgs | undefined, edit: (id: NoteId) => void): void {
  const ids = targets(ctx, args)
  ctx.doc.transact(() => {
    for (const id of ids) edit(id)
  }, LOCAL_ORIGIN)
}

export const NOTE_DETAIL_COMMANDS: readonly Command[] = [
  {
    id: 'note.setKind',
    label: 'Set the kind of the selected notes',
    edits: true,
    enabled: (ctx, args) =>
      args?.kind !== undefined && NOTE_KINDS.includes(args.kind) && targets(ctx, args).length > 0,
    run: (ctx, args) => {
      const kind = args?.kind
      if (kind) eachTarget(ctx, args, (id) => setNoteKind(ctx.doc, id, kind, LOCAL_ORIGIN))
    },
  },
  {
    id: 'note.setSeverity',
    label: 'Set the severity of the selected pain points',
    edits: true,
    // Severity means something only on a pain point; the other selected notes are left alone.
    enabled: (ctx, args) =>
      args?.severity !== undefined && targets(ctx, args).some((id) => kindOf(ctx, id) === 'pain'),
    run: (ctx, args) => {
      const severity = args?.severity
      if (severity !== undefined)
        eachTarget(ctx, args, (id) => setNoteSeverity(ctx.doc, id, severity, LOCAL_ORIGIN))
    },
  },
  {
    id: 'note.editSource',
    label: 'Edit who said the quote',
    edits: true,
    enabled: (ctx, args) => targets(ctx, args).some((id) => kindOf(ctx, id) === 'quote'),
    run: (ctx, args) => {
      const first = targets(ctx, args).find((id) => kindOf(ctx, id) === 'quote')
      if (first) openGridEdit({ kind: 'noteSource', note: first })
    },
  },
  {
    id: 'note.setSource',
    label: 'Set who said the selected quotes',
    edits: true,
    enabled: (ctx, args) =>
      args?.source !== undefined && targets(ctx, args).some((id) => kindOf(ctx, id) === 'quote'),
    run: (ctx, args) => {
      const source = args?.source
      if (source === undefined) return
      eachTarget(ctx, args, (id) => {
        if (kindOf(ctx, id) === 'quote') setNoteSource(ctx.doc, id, source, LOCAL_ORIGIN)
      })
    },
  },
  {
    id: 'note.setTag',
    label: 'Tag or untag the selected notes',
    edits: true,
    enabled: (ctx, args) =>
      args?.tag !== undefined &&
      args.on !== undefined &&
      getTags(ctx.doc).has(args.tag) &&
      targets(ctx, args).length > 0,
    run: (ctx, args) => {
      const tag = args?.tag
      const on = args?.on
      if (tag && on !== undefined)
        eachTarget(ctx, args, (id) => setNoteTag(ctx.doc, id, tag, on, LOCAL_ORIGIN))
    },
  },
]
