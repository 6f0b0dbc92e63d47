/*
 * The one way to run a command, like excalidraw's actions, and the only way the app writes the board:
 * toolbar buttons, keyboard shortcuts, menus, the accessible outline, the canvas's gestures, the note
 * editor, the title field and the clipboard all look commands up here by id. A command gets everything
 * it needs in its context and args; it reads the document through shared's readers and writes through
 * shared's mutations. A command that writes carries `edits: true`, so a view link cannot run it
 * (onlyCommandsWrite.test.ts keeps writes from creeping back in elsewhere).
 */
import type * as Y from 'yjs'
import type { InsertSide } from '../../../shared/src/board/gridOrder'
import type { NoteId, PersonaId, TagId } from '../../../shared/src/board/ids'
import type { PersonaPatch, PersonaTextKey } from '../../../shared/src/board/records/persona'
import { setBoardTitle } from '../../../shared/src/board/schema'
import type { LaneKind, NoteKind, TagColor } from '../../../shared/src/board/style'
import { applyCsvImport, type CsvImportPlan } from '../../../shared/src/exchange/csvImport'
import type { Point } from '../../../shared/src/layout/geometry'
import type { BoardLayout, HeaderRef } from '../../../shared/src/layout/grid'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import type { ClipNote } from '../clipboard/noteClipboard'
import { LOCAL_ORIGIN, type LocalHistory } from '../doc/localHistory'
import { exportPdf } from '../export/pdfExport'
import { clearSelection, selectOnly, setTool, setViewport, useUi } from '../state/ui'
import { fitRect, ZOOM, zoomAt } from '../view/viewport'
import { CLIPBOARD_COMMANDS } from './clipboardCommands'
import { CONTENT_COMMANDS, type ContentArgs } from './contentCommands'
import { EDIT_COMMANDS, HISTORY_COMMANDS } from './editCommands'
import {
  FACILITATION_COMMANDS,
  type FacilitationArgs,
  type FacilitationCommandContext,
} from './facilitationCommands'
import { GRID_COMMANDS } from './gridCommands'
import { COLOR_COMMANDS, NOTE_COMMANDS } from './noteCommands'
import { NOTE_DETAIL_COMMANDS } from './noteDetailCommands'
import { PERSONA_COMMANDS } from './personaCommands'
import { FILTER_COMMANDS, TAG_COMMANDS } from './tagCommands'

export interface CommandContext {
  doc: Y.Doc
  readOnly: boolean
  getLayout: () => BoardLayout
  /** This person's undo history; absent until the board is open. */
  history?: LocalHistory
  /** The facilitation document and the server's clock; absent in tests of board commands. */
  facilitation?: FacilitationCommandContext
}

/**
 * What a command acts on, when it needs more than the selection: the grid-shaping commands get the
 * stage or lane header from the menu, the canvas or the outline that runs them, and what was typed;
 * the canvas's gestures name the note, cell or point they acted on.
 */
export interface CommandArgs {
  /** The stage or lane header the command acts on (or, for an insert, beside which). */
  header?: HeaderRef
  /** Which side of `header` a new stage or lane goes; without a header it goes at the end. */
  side?: InsertSide
  /** A title the person typed (rename, add; the board's own title). */
  title?: string
  /** The kind of a new lane; it picks the default color of the lane's notes. */
  laneKind?: LaneKind
  /** Where a dragged header was dropped: the gap between headers (0 = before the first). */
  gap?: number
  /** The note acted on instead of the selection: the one double-clicked, resized or typed into. */
  note?: NoteId
  /** The notes a drag moves. */
  notes?: readonly NoteId[]
  /** A board point: where dragged notes were dropped. */
  at?: Point
  /** The cell a new note goes in. */
  cell?: CellRef
  /** A note's new size in board units, before it is held to the size limits. */
  size?: { w: number; h: number }
  /** A stage's width or a lane's height set by hand (board units); null gives it back to its content. */
  extent?: number | null
  /** A note's whole text as it now reads in the editor (written as the smallest splice). */
  text?: string
  /** The notes a paste event carried. */
  pasted?: readonly ClipNote[]
  /** A CSV import the person previewed and confirmed (shared/src/exchange/csvImport.ts). */
  csvPlan?: CsvImportPlan
  /** The person already confirmed a change that hides content (a lane's kind). */
  confirmed?: boolean
  /** What a content lane's cell gets: a score, a chip, a value, a text (contentCommands.ts). */
  content?: ContentArgs
  /** A note kind to give the selected notes, or a kind the filter toggles. */
  kind?: NoteKind
  /** A pain point's severity, 1–3, or null to clear it. */
  severity?: number | null
  /** Who said a quote ('' removes it). */
  source?: string
  /** The tag a command acts on (tagging notes, renaming, recoloring, removing a tag). */
  tag?: TagId
  tagColor?: TagColor
  /** Whether a tag goes on (true) or off (false) the selected notes; a persona's card is pinned. */
  on?: boolean
  /** The persona a command acts on. */
  persona?: PersonaId
  personaPatch?: PersonaPatch
  /** Which of a persona's texts `text` is. */
  personaText?: PersonaTextKey
  /** A step through an ordered list: −1 moves up (earlier), 1 down. */
  step?: -1 | 1
  /** A filter to share with everyone, or null to stop sharing it. */
  filter?: { tags: readonly TagId[]; kinds: readonly NoteKind[] } | null
  /** What a facilitation command acts on (facilitationCommands.ts). */
  facilitation?: FacilitationArgs
}

export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively. */
  key: string
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean
  /** Letters and digits always check it; named keys (arrows…) only when it is set, true or false. */
  shift?: boolean
}

export interface Command {
  id: string
  label: string
  shortcuts?: readonly Shortcut[]
  /** Changes the document: unavailable on a view link. */
  edits?: boolean
  /** The shortcut is left to the browser, whose own event does the work (copy, cut, paste). */
  native?: boolean
  /** False when the command has nothing to act on (e.g. delete with no selection). */
  enabled?: (ctx: CommandContext, args?: CommandArgs) => boolean
  run: (ctx: CommandContext, args?: CommandArgs) => void
}

function zoomBy(factor: number): void {
  const { viewport, canvasSize } = useUi.getState()
  setViewport(zoomAt(viewport, { x: canvasSize.w / 2, y: canvasSize.h / 2 }, factor))
}

/** Room kept for the floating toolbar at the canvas’s left edge and the filter bar at its top when fitting (px). */
const FIT_INSETS = { top: 60, right: 40, bottom: 40, left: 96 }

export function zoomToFit(layout: BoardLayout): void {
  const { canvasSize } = useUi.getState()
  setViewport(fitRect(layout.bounds, canvasSize, FIT_INSETS))
}

export const COMMANDS: readonly Command[] = [
  { id: 'tool.select', label: 'Select', shortcuts: [{ key: 'v' }], run: () => setTool('select') },
  { id: 'tool.pan', label: 'Hand (pan)', shortcuts: [{ key: 'h' }], run: () => setTool('pan') },
  {
    id: 'tool.connect',
    label: 'Connect (drag from a note to a note or a stage)',
    shortcuts: [{ key: 'c' }],
    edits: true,
    run: () => setTool('connect'),
  },
  ...NOTE_COMMANDS,
  {
    id: 'selection.all',
    label: 'Select all notes',
    shortcuts: [{ key: 'a', mod: true }],
    run: (ctx) => selectOnly(ctx.getLayout().notes.keys()),
  },
  { id: 'selection.clear', label: 'Clear selection', shortcuts: [{ key: 'Escape' }], run: clearSelection },
  {
    id: 'zoom.in',
    label: 'Zoom in',
    shortcuts: [{ key: '+' }, { key: '=' }, { key: '=', mod: true }],
    run: () => zoomBy(ZOOM.stepFactor),
  },
  {
    id: 'zoom.out',
    label: 'Zoom out',
    shortcuts: [{ key: '-' }, { key: '-', mod: true }],
    run: () => zoomBy(1 / ZOOM.stepFactor),
  },
  {
    id: 'zoom.fit',
    label: 'Zoom to fit',
    shortcuts: [{ key: '1', shift: true }, { key: '!' }],
    run: (ctx) => zoomToFit(ctx.getLayout()),
  },
  {
    id: 'board.exportPdf',
    label: 'Export as PDF',
    shortcuts: [{ key: 'e', mod: true, shift: true }],
    run: (ctx) => void exportPdf(ctx.doc),
  },
  {
    id: 'board.rename',
    label: 'Rename the board',
    edits: true,
    enabled: (_ctx, args) => (args?.title?.trim() ?? '') !== '',
    run: (ctx, args) => setBoardTitle(ctx.doc, args?.title ?? '', LOCAL_ORIGIN),
  },
  {
    id: 'board.importCsv',
    label: 'Add the notes of a CSV',
    edits: true,
    enabled: (_ctx, args) => (args?.csvPlan?.notes.length ?? 0) > 0,
    run: (ctx, args) => {
      if (args?.csvPlan) applyCsvImport(ctx.doc, args.csvPlan, LOCAL_ORIGIN)
    },
  },
  ...COLOR_COMMANDS,
  ...HISTORY_COMMANDS,
  ...CLIPBOARD_COMMANDS,
  ...EDIT_COMMANDS,
  ...GRID_COMMANDS,
  ...CONTENT_COMMANDS,
  ...NOTE_DETAIL_COMMANDS,
  ...PERSONA_COMMANDS,
  ...TAG_COMMANDS,
  ...FILTER_COMMANDS,
  ...FACILITATION_COMMANDS,
]

const byId = new Map(COMMANDS.map((command) => [command.id, command]))

export const getCommand = (id: string): Command | undefined => byId.get(id)

export function canRun(command: Command, ctx: CommandContext, args?: CommandArgs): boolean {
  if (command.edits && ctx.readOnly) return false
  return command.enabled ? command.enabled(ctx, args) : true
}

/** Runs a command by id; returns whether it ran. */
export function runCommand(id: string, ctx: CommandContext, args?: CommandArgs): boolean {
  const command = byId.get(id)
  if (!command || !canRun(command, ctx, args)) return false
  command.run(ctx, args)
  return true
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  if (event.key.toLowerCase() !== shortcut.key.toLowerCase()) return false
  const mod = event.ctrlKey || event.metaKey
  if (Boolean(shortcut.mod) !== mod || event.altKey) return false
  // Shifted symbols ('+', '!') already encode shift in the key; only letters and digits check it,
  // and named keys whose shortcut says (Shift+ArrowLeft is not ArrowLeft).
  if (/^[a-z0-9]$/i.test(shortcut.key) && Boolean(shortcut.shift) !== event.shiftKey) return false
  if (shortcut.key.length > 1 && shortcut.shift !== undefined && shortcut.shift !== event.shiftKey)
    return false
  return true
}

export function commandForKey(event: KeyLike): Command | undefined {
  return COMMANDS.find((command) => command.shortcuts?.some((s) => matchesShortcut(event, s)))
}

/** "Ctrl+A" / "⌘A"-style text for a tooltip. */
const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
}

export function shortcutLabel(shortcut: Shortcut, mac: boolean): string {
  const key =
    shortcut.key.length === 1 ? shortcut.key.toUpperCase() : (KEY_NAMES[shortcut.key] ?? shortcut.key)
  const mod = shortcut.mod ? (mac ? '⌘' : 'Ctrl+') : ''
  const shift = shortcut.shift ? (mac ? '⇧' : 'Shift+') : ''
  return `${mod}${shift}${key}`
}
