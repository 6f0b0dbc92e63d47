/*
 * Confirms changing a lane's kind where its content would not show in the new kind (notes into an
 * emotion curve, chips into a metric…). Nothing is deleted: the content stays in the document and
 * shows again if the lane is changed back, and one undo reverts the change.
 */
import { useEffect, useRef } from 'react'
import type { LaneId } from '../../../shared/src/board/ids'
import { getLaneKind, type LaneKind } from '../../../shared/src/board/laneKinds/registry'
import { useBoardSession } from '../board/session'
import { isMac } from '../commands/isMac'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit } from '../state/ui'
import { useReturnFocus } from './useReturnFocus'

export function KindChangeDialog({ lane, to }: { lane: LaneId; to: LaneKind }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const ref = useRef<HTMLDialogElement>(null)
  useReturnFocus(ref)
  const row = layout.lanes.find((l) => l.id === lane)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  useEffect(() => {
    if (!row) closeGridEdit()
  }, [row])
  if (!row) return null
  const from = getLaneKind(row.kind).label
  const next = getLaneKind(to).label
  const header = { kind: 'lane' as const, id: lane }
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="kind-change-title"
      aria-describedby="kind-change-detail"
      onCancel={(e) => {
        e.preventDefault()
        closeGridEdit()
      }}
    >
      <h2 id="kind-change-title">
        Make “{row.title}” {/^[aeiou]/i.test(next) ? 'an' : 'a'} {next} lane?
      </h2>
      <div id="kind-change-detail" className="confirm-dialog__detail">
        <p>
          What it holds as {/^[aeiou]/i.test(from) ? 'an' : 'a'} {from} lane will not show in{' '}
          {next === from ? 'it' : `a ${next} lane`}. Nothing is deleted: change it back and it shows again.
        </p>
        <p className="confirm-dialog__hint">Undo ({isMac ? '⌘Z' : 'Ctrl+Z'}) changes it back.</p>
      </div>
      <div className="confirm-dialog__actions">
        {/* biome-ignore lint/a11y/noAutofocus: a confirmation that hides content starts on its safe choice */}
        <button type="button" className="button button--ghost" autoFocus onClick={closeGridEdit}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            closeGridEdit()
            runCommand('lane.setKind', commands, { header, laneKind: to, confirmed: true })
          }}
        >
          Change to {next}
        </button>
      </div>
    </dialog>
  )
}
