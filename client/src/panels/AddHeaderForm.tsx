/*
 * The form that adds a stage or a lane: a name, and for a lane its kind (which picks the default color
 * of the notes made in it). It opens beside the "+" button at the grid's edge, or beside the header it
 * was asked to insert next to. Adding is one command, so one undo step, with the name already set.
 */
import { useLayoutEffect, useRef, useState } from 'react'
import { LANE_KIND_LIST, type LaneKind } from '../../../shared/src/board/laneKinds/registry'
import { MAX_TITLE_CHARS } from '../../../shared/src/board/limits'
import { GRID, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, type GridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { useOutsidePointerDown } from './useOutsidePointerDown'
import { usePopupPosition } from './usePopupPosition'
import { useReturnFocus } from './useReturnFocus'

type AddEdit = Extract<GridEdit, { kind: 'add' }>

export function AddHeaderForm({ edit }: { edit: AddEdit }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLFormElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [laneKind, setLaneKind] = useState<LaneKind>('custom')
  useReturnFocus(ref)
  useOutsidePointerDown(ref, '.grid-add', closeGridEdit)
  useLayoutEffect(() => inputRef.current?.focus({ preventScroll: true }), [])

  const stage = edit.axis === 'stage'
  const noun = stage ? 'stage' : 'lane'
  const target = edit.header ? headerTitle(layout, edit.header) : null
  const where =
    target === null
      ? 'at the end'
      : `${stage ? (edit.side === 'before' ? 'left of' : 'right of') : edit.side === 'before' ? 'above' : 'below'} “${target}”`
  // Anchor: the target header, or the grid's far edge where the "+" button is.
  const targetRect = edit.header && target !== null ? headerRect(layout, edit.header) : null
  const lastStage = layout.stages.at(-1)
  const edgeRect = stage
    ? { x: lastStage ? lastStage.x + lastStage.w : GRID.laneHeaderW, y: 0, w: 1, h: layout.headerH }
    : { x: 0, y: layout.height, w: GRID.laneHeaderW, h: 1 }
  const anchor = rectToScreen(viewport, targetRect ?? edgeRect)
  // Under a stage's header (or the "+" after the last one); beside a lane's header, or under the grid.
  const place = usePopupPosition(ref, anchor, !stage && targetRect ? 'right' : 'below')

  const submit = () => {
    const clean = title.trim()
    if (clean === '') return
    closeGridEdit()
    runCommand(`${noun}.add`, commands, {
      title: clean,
      header: target !== null ? (edit.header ?? undefined) : undefined,
      side: edit.side,
      laneKind,
    })
  }

  return (
    <form
      ref={ref}
      className="add-header"
      aria-labelledby="add-header-title"
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, opacity: place ? 1 : 0 }}
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape') {
          e.preventDefault()
          closeGridEdit()
        }
      }}
    >
      <h2 id="add-header-title" className="add-header__title">
        Add a {noun} <span className="add-header__where">{where}</span>
      </h2>
      <label className="field">
        Name
        <input
          ref={inputRef}
          value={title}
          maxLength={MAX_TITLE_CHARS}
          placeholder={stage ? 'e.g. Renewal' : 'e.g. Moments of truth'}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {!stage && (
        <fieldset className="add-header__kinds">
          <legend>Kind — sets the color of new notes</legend>
          {LANE_KIND_LIST.map(({ id: kind, label, colors: { swatch } }) => (
            <label key={kind} className={`kind-chip${laneKind === kind ? ' kind-chip--active' : ''}`}>
              <input
                type="radio"
                name="lane-kind"
                value={kind}
                checked={laneKind === kind}
                onChange={() => setLaneKind(kind)}
              />
              <span
                className="kind-chip__dot"
                style={{ background: swatch.fill, borderColor: swatch.border }}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="add-header__actions">
        <button type="button" className="button button--ghost" onClick={closeGridEdit}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={title.trim() === ''}>
          Add {noun}
        </button>
      </div>
    </form>
  )
}
