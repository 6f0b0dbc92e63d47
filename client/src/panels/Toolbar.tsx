import { useSyncExternalStore } from 'react'
import { NOTE_COLORS } from '../../../shared/src/board/style'
import { NOTE_INK } from '../../../shared/src/scene/palette'
import { useBoardSession } from '../board/session'
import { isMac } from '../commands/isMac'
import { canRun, getCommand, runCommand, shortcutLabel } from '../commands/registry'
import type { ExternalStore } from '../doc/docStores'
import type { HistoryState } from '../doc/localHistory'
import { useUi } from '../state/ui'
import { ShortcutsDialog } from './ShortcutsDialog'

const NO_HISTORY: ExternalStore<HistoryState> = {
  subscribe: () => () => {},
  getSnapshot: () => ({ canUndo: false, canRedo: false }),
}

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
  const historyStore = commands.history?.state ?? NO_HISTORY
  const history = useSyncExternalStore(historyStore.subscribe, historyStore.getSnapshot)
  const run = (id: string) => runCommand(id, commands)
  const enabled = (id: string) => {
    const command = getCommand(id)
    return command ? canRun(command, commands) : false
  }
  return (
    <>
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
        <button
          type="button"
          className="tool"
          aria-pressed={tool === 'connect'}
          title={`${titleFor('tool.connect')}`}
          disabled={readOnly}
          onClick={() => run('tool.connect')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 19L19 5M19 5h-7M19 5v7" />
          </svg>
          <span className="sr-only">Connect</span>
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
        <button
          type="button"
          className="tool"
          title={titleFor('history.undo')}
          disabled={readOnly || !history.canUndo}
          onClick={() => run('history.undo')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />
          </svg>
          <span className="sr-only">Undo</span>
        </button>
        <button
          type="button"
          className="tool"
          title={titleFor('history.redo')}
          disabled={readOnly || !history.canRedo}
          onClick={() => run('history.redo')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3" />
          </svg>
          <span className="sr-only">Redo</span>
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
        <button
          type="button"
          className="tool tool--help"
          title={titleFor('help.shortcuts')}
          aria-haspopup="dialog"
          onClick={() => run('help.shortcuts')}
        >
          ?<span className="sr-only">Keyboard shortcuts</span>
        </button>
      </div>
      <ShortcutsDialog />
    </>
  )
}
