/*
 * The keyboard-shortcuts overlay (the `?` key): a modal <dialog>, so focus moves into it and stays
 * there, the rest of the page is inert, and Escape closes it natively. Its rows come from the command
 * registry, the same entries the keyboard runs, so the list can never drift from what keys do.
 */
import { useEffect, useRef } from 'react'
import { isMac } from '../commands/isMac'
import { COMMANDS, shortcutLabel } from '../commands/registry'
import { setShortcutsOpen, useUi } from '../state/ui'

const POINTER_GESTURES: readonly [string, string][] = [
  ['Drag empty space, middle-drag or Space+drag', 'Pan'],
  ['Scroll', 'Pan'],
  [`${isMac ? '⌘' : 'Ctrl'}+scroll or pinch`, 'Zoom'],
  ['Shift+drag on empty space', 'Select with a box'],
  ['Shift+click a note', 'Add it to the selection'],
  ['Double-click a cell', 'Add a note there'],
  ['Double-click a note', 'Edit it'],
  ['Drag a note', 'Move it to another cell'],
  ['Double-click a stage or lane header', 'Rename it'],
  ['Drag a stage or lane header', 'Move its column or row'],
  ['Right-click a header, or its ⋯ button', 'Insert, move or delete it'],
]

const KEYED_COMMANDS = COMMANDS.filter((c) => c.shortcuts && c.shortcuts.length > 0)
const HALF = Math.ceil(KEYED_COMMANDS.length / 2)
/** Two columns of keys, so the whole list fits a laptop screen without scrolling. */
const KEY_COLUMNS = [KEYED_COMMANDS.slice(0, HALF), KEYED_COMMANDS.slice(HALF)]

export function ShortcutsDialog() {
  const open = useUi((s) => s.shortcutsOpen)
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; keyboards close with Escape, natively
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => setShortcutsOpen(false)}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) setShortcutsOpen(false)
      }}
    >
      <div className="shortcuts__header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={() => setShortcutsOpen(false)}
        >
          ×
        </button>
      </div>
      <p className="shortcuts__note">Shortcuts are off while you type in a note or a field.</p>
      <div className="shortcuts__columns">
        {KEY_COLUMNS.map((column, c) => (
          <table className="shortcuts__table" key={column[0]?.id ?? c}>
            <caption>{c === 0 ? 'Keyboard' : 'Keyboard (continued)'}</caption>
            <tbody>
              {column.map((command) => (
                <tr key={command.id} data-command-id={command.id}>
                  <th scope="row">{command.label}</th>
                  <td>
                    {command.shortcuts?.map((shortcut, i) => (
                      <span key={shortcutLabel(shortcut, isMac)}>
                        {i > 0 && ' or '}
                        <kbd>{shortcutLabel(shortcut, isMac)}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <table className="shortcuts__table shortcuts__table--pointer">
          <caption>Mouse and touch</caption>
          <tbody>
            {POINTER_GESTURES.map(([gesture, effect]) => (
              <tr key={gesture}>
                <th scope="row">{effect}</th>
                <td>{gesture}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  )
}
