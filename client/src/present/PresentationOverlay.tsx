/*
 * Presentation mode on screen: the current stage framed, the rest of the board dimmed, a caption bar
 * with the stage's name in large type, its place in the journey and its note count, and Previous /
 * Next / End buttons. → ↓ Page Down, Space or a click on the dimmed board go forward; ← ↑ Page Up
 * back; Home and End to the first and last stage; Escape ends. The keys are caught before the board's
 * shortcuts, so presenting never edits (a presenter remote sends Page Up / Page Down).
 */
import { useEffect, useSyncExternalStore } from 'react'
import { cellKey } from '../../../shared/src/layout/grid'
import { useDocStores } from '../doc/hooks'
import { useUi } from '../state/ui'
import { goToStage, nextStage, presentationState, previousStage, stopPresentation } from './presentation'

export function PresentationOverlay() {
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const { active, index, following } = useSyncExternalStore(
    presentationState.subscribe,
    presentationState.getSnapshot,
  )
  const viewport = useUi((s) => s.viewport)

  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      // A follower steps with the presenter; Escape breaks away.
      if (following && e.key !== 'Escape') return
      const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key)
      const back = ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key)
      if (forward) nextStage(layout)
      else if (back) previousStage(layout)
      else if (e.key === 'Home') goToStage(layout, 0)
      else if (e.key === 'End') goToStage(layout, layout.stages.length - 1)
      else if (e.key === 'Escape') stopPresentation()
      else return
      e.preventDefault()
      e.stopPropagation()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    document.body.dataset.presenting = 'true'
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true })
      delete document.body.dataset.presenting
    }
  }, [active, layout, following])

  const stage = layout.stages[index]
  if (!active || !stage) return null
  const frame = {
    left: stage.x * viewport.scale + viewport.x,
    top: viewport.y,
    width: stage.w * viewport.scale,
    height: layout.height * viewport.scale,
  }
  // Undimmed: the current stage and the lane header column, so the audience still reads each row's name.
  const headerW = (layout.stages[0]?.x ?? 0) * viewport.scale
  const box = (x: number, y: number, w: number, h: number) => `M${x} ${y}H${x + w}V${y + h}H${x}Z`
  const holes = [
    box(0, 0, 100_000, 100_000),
    box(frame.left, frame.top, frame.width, frame.height),
    box(
      viewport.x,
      frame.top + (layout.lanes[0]?.y ?? 0) * viewport.scale,
      headerW,
      frame.height - (layout.lanes[0]?.y ?? 0) * viewport.scale,
    ),
  ].join('')
  const notes = layout.lanes.reduce((n, l) => n + (layout.cells.get(cellKey(stage.id, l.id))?.length ?? 0), 0)
  const last = layout.stages.length - 1
  return (
    <section className="presentation" aria-label="Presentation" aria-roledescription="presentation">
      {/* The dimmed board: a click anywhere on it goes to the next stage. */}
      <button
        type="button"
        className="presentation__dim"
        aria-label="Next stage"
        tabIndex={-1}
        onClick={() => nextStage(layout)}
        style={{ clipPath: `path(evenodd, '${holes}')` }}
      />
      <div className="presentation__frame" style={frame} aria-hidden="true" />
      <div className="presentation__caption">
        <div className="presentation__title" aria-live="polite">
          <span className="presentation__step">
            Stage {index + 1} of {layout.stages.length}
          </span>
          <h2>{stage.title}</h2>
          <span className="presentation__count">
            {notes} {notes === 1 ? 'note' : 'notes'}
          </span>
        </div>
        <div className="presentation__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={index === 0}
            onClick={() => previousStage(layout)}
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={index === last}
            onClick={() => nextStage(layout)}
          >
            Next →
          </button>
          <button type="button" className="button button--ghost" onClick={stopPresentation}>
            End (Esc)
          </button>
        </div>
      </div>
    </section>
  )
}

export function PresentButton() {
  const stores = useDocStores()
  const { active } = useSyncExternalStore(presentationState.subscribe, presentationState.getSnapshot)
  return (
    <button
      type="button"
      className="button button--ghost"
      title="Present the map stage by stage (→ and ←, Page Up and Page Down, Esc to end)"
      aria-pressed={active}
      onClick={() => (active ? stopPresentation() : goToStage(stores.layout.getSnapshot(), 0))}
    >
      Present
    </button>
  )
}
