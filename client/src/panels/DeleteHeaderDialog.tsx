/*
 * Confirms deleting a stage or lane. It says how many notes the column or row holds and that they are
 * kept: removal only moves them to the "Unsorted" row under the grid (see removeStage in the schema),
 * from where anyone can drag them back. A modal <dialog>, like the name dialog; Cancel has focus first.
 */
import { useEffect, useRef } from 'react'
import { countNotesUnder, type HeaderRef, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { isMac } from '../commands/isMac'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit } from '../state/ui'
import { useReturnFocus } from './useReturnFocus'

export function DeleteHeaderDialog({ header }: { header: HeaderRef }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const ref = useRef<HTMLDialogElement>(null)
  useReturnFocus(ref)
  const title = headerTitle(layout, header)
  const count = countNotesUnder(layout, header)
  const noun = header.kind === 'stage' ? 'stage' : 'lane'

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  // Removed by a colleague meanwhile: nothing left to confirm.
  useEffect(() => {
    if (title === null) closeGridEdit()
  }, [title])

  if (title === null) return null
  const notes = count === 1 ? '1 note' : `${count} notes`
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="delete-header-title"
      aria-describedby="delete-header-detail"
      onCancel={(e) => {
        e.preventDefault()
        closeGridEdit()
      }}
    >
      <h2 id="delete-header-title">
        Delete the {noun} “{title}”?
      </h2>
      <div id="delete-header-detail" className="confirm-dialog__detail">
        {count === 0 ? (
          <p>It holds no notes.</p>
        ) : (
          <p>
            It holds <strong>{notes}</strong>. {count === 1 ? 'It is' : 'They are'} not deleted:{' '}
            {count === 1 ? 'it moves' : 'they move'} to the <strong>Unsorted</strong> row under the grid,
            where anyone can drag {count === 1 ? 'it' : 'them'} back into a cell.
          </p>
        )}
        <p className="confirm-dialog__hint">
          Undo ({isMac ? '⌘Z' : 'Ctrl+Z'}) brings the {noun} back.
        </p>
      </div>
      <div className="confirm-dialog__actions">
        {/* biome-ignore lint/a11y/noAutofocus: a destructive confirmation starts on its safe choice */}
        <button type="button" className="button button--ghost" autoFocus onClick={closeGridEdit}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => runCommand('header.delete', commands, { header })}
        >
          Delete {noun}
        </button>
      </div>
    </dialog>
  )
}
