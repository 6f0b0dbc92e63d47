import { NOTE_COLORS } from '../../../shared/src/board/style'
import { NOTE_INK } from '../../../shared/src/scene/palette'
import { useBoardSession } from '../board/session'
import { canRun, getCommand, runCommand, shortcutLabel } from '../commands/registry'
import { useUi } from '../state/ui'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

const HELP = [
  'Drag empty space, middle-drag or Space+drag: pan',
  'Scroll: pan · Ctrl/⌘+scroll or pinch: zoom',
  'Shift+drag on empty space: select with a box',
  'Shift+click: add a note to the selection',
  'Double-click a cell: add a note · double-click a note: edit',
  'Drag a note into another cell to move it',
  'Enter: edit · Esc: done · Delete: delete',
].join('\n')

function titleFor(id: string): string {
  const command = getCommand(id)
  if (!command) return id
  const shortcut = command.shortcuts?.[0]
  return shortcut ? `${command.label} (${shortcutLabel(shortcut, isMac)})` : command.label
}

export function Toolbar() {
  const { commands, readOnly } = useBoardSession()
  const tool = useUi((s) => s.tool)
  const selectionSize = useUi((s) => s.selection.size)
  const run = (id: string) => runCommand(id, commands)
  const enabled = (id: string) => {
    const command = getCommand(id)
    return command ? canRun(command, commands) : false
  }
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools" aria-orientation="vertical">
      <button
        type="button"
        className="tool"
        aria-pressed={tool === 'select'}
        title={`${titleFor('tool.select')} — shift+drag on empty space to select with a box`}
        onClick={() => run('tool.select')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 3l14 8-6 1.5L10 19z" />
        </svg>
        <span className="sr-only">Select</span>
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={tool === 'pan'}
        title={titleFor('tool.pan')}
        onClick={() => run('tool.pan')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M8 11V5.5a1.5 1.5 0 013 0V10m0-5.5v-1a1.5 1.5 0 013 0V10m0-4.5a1.5 1.5 0 013 0V13c0 4-2.5 7-6.5 7S6 17.5 5 15l-1.8-3.6a1.4 1.4 0 012.4-1.4L8 13" />
        </svg>
        <span className="sr-only">Hand</span>
      </button>
      <div className="toolbar__divider" />
      <button
        type="button"
        className="tool tool--primary"
        title={titleFor('note.add')}
        disabled={readOnly}
        onClick={() => run('note.add')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
        <span className="sr-only">Add note</span>
      </button>
      <div className="toolbar__divider" />
      <fieldset className="swatches" aria-label="Note color" disabled={readOnly || selectionSize === 0}>
        {NOTE_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="swatch"
            style={{ background: NOTE_INK[color].fill, borderColor: NOTE_INK[color].border }}
            title={titleFor(`color.${color}`)}
            aria-label={`Color ${color}`}
            onClick={() => run(`color.${color}`)}
          />
        ))}
      </fieldset>
      <div className="toolbar__divider" />
      <button
        type="button"
        className="tool tool--danger"
        title={titleFor('note.delete')}
        disabled={!enabled('note.delete') || selectionSize === 0}
        onClick={() => run('note.delete')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
        </svg>
        <span className="sr-only">Delete selected</span>
      </button>
      <div className="toolbar__divider" />
      <span className="tool tool--help" title={HELP} aria-label={`Help: ${HELP}`} role="img">
        ?
      </span>
    </div>
  )
}
