/**
 * The one way to run a command, like excalidraw's actions: toolbar buttons, keyboard shortcuts and the
 * accessible outline all look commands up here by id. A command gets everything it needs in its
 * context; it reads the document through shared's readers and writes through shared's mutations.
 */
import type * as Y from 'yjs'
import type { InsertSide } from '../../../shared/src/board/gridOrder'
import type { NoteId } from '../../../shared/src/board/ids'
import { createNote, deleteNotes, type NotePatch, updateNotes } from '../../../shared/src/board/schema'
import { type LaneKind, NOTE_COLORS, type NoteColor } from '../../../shared/src/board/style'
import type { BoardLayout, HeaderRef } from '../../../shared/src/layout/grid'
import { nearestCell } from '../../../shared/src/layout/hitTest'
import type { LocalHistory } from '../doc/localHistory'
import { exportPdf } from '../export/pdfExport'
import { fitRect, ZOOM, zoomAt } from '../scene/viewport'
import { pointerOrCenterOnBoard } from '../state/pointer'
import {
  clearSelection,
  selectOnly,
  setTool,
  setViewport,
  startEditing,
  stopEditing,
  useUi,
} from '../state/ui'
import { EDIT_COMMANDS } from './editCommands'
import { GRID_COMMANDS } from './gridCommands'

export interface CommandContext {
  doc: Y.Doc
  readOnly: boolean
  getLayout: () => BoardLayout
  /** This person's undo history; absent until the board is open. */
  history?: LocalHistory
}

/**
 * What a command acts on, when it needs more than the selection: the grid-shaping commands get the
 * stage or lane header from the menu, the canvas or the outline that runs them, and what was typed.
 */
export interface CommandArgs {
  /** The stage or lane header the command acts on (or, for an insert, beside which). */
  header?: HeaderRef
  /** Which side of `header` a new stage or lane goes; without a header it goes at the end. */
  side?: InsertSide
  /** A title the person typed (rename, add). */
  title?: string
  /** The kind of a new lane; it picks the default color of the lane's notes. */
  laneKind?: LaneKind
  /** Where a dragged header was dropped: the gap between headers (0 = before the first). */
  gap?: number
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

const hasSelection = () => useUi.getState().selection.size > 0

function zoomBy(factor: number): void {
  const { viewport, canvasSize } = useUi.getState()
  setViewport(zoomAt(viewport, { x: canvasSize.w / 2, y: canvasSize.h / 2 }, factor))
}

/** Room kept for the floating toolbar at the canvas's left edge when fitting (px). */
const FIT_INSETS = { top: 40, right: 40, bottom: 40, left: 96 }

export function zoomToFit(layout: BoardLayout): void {
  const { canvasSize } = useUi.getState()
  setViewport(fitRect({ x: 0, y: 0, w: layout.width, h: layout.height }, canvasSize, FIT_INSETS))
}

/** Adds a note in the cell under the pointer, or at the viewport's center when it is off the canvas. */
function addNote(ctx: CommandContext): void {
  const cell = nearestCell(ctx.getLayout(), pointerOrCenterOnBoard())
  if (!cell) return
  const id = createNote(ctx.doc, cell)
  startEditing(id)
}

function patchSelected(ctx: CommandContext, patch: NotePatch): void {
  const ids = [...useUi.getState().selection]
  updateNotes(ctx.doc, new Map(ids.map((id) => [id, patch])))
}

const colorCommand = (color: NoteColor, index: number): Command => ({
  id: `color.${color}`,
  label: `Color: ${color}`,
  shortcuts: [{ key: String(index + 1) }],
  edits: true,
  enabled: hasSelection,
  run: (ctx) => patchSelected(ctx, { color }),
})

export const COMMANDS: readonly Command[] = [
  { id: 'tool.select', label: 'Select', shortcuts: [{ key: 'v' }], run: () => setTool('select') },
  { id: 'tool.pan', label: 'Hand (pan)', shortcuts: [{ key: 'h' }], run: () => setTool('pan') },
  { id: 'note.add', label: 'Add note', shortcuts: [{ key: 'n' }], edits: true, run: addNote },
  {
    id: 'note.edit',
    label: 'Edit note text',
    shortcuts: [{ key: 'Enter' }],
    edits: true,
    enabled: () => useUi.getState().selection.size === 1,
    run: () => {
      const [id] = useUi.getState().selection
      if (id) startEditing(id)
    },
  },
  {
    id: 'note.delete',
    label: 'Delete selected notes',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    edits: true,
    enabled: hasSelection,
    run: (ctx) => {
      const ids: NoteId[] = [...useUi.getState().selection]
      stopEditing()
      clearSelection()
      deleteNotes(ctx.doc, ids)
    },
  },
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
  ...NOTE_COLORS.map(colorCommand),
  ...EDIT_COMMANDS,
  ...GRID_COMMANDS,
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
