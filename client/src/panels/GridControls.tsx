/*
 * The DOM controls that shape the grid, laid over the canvas at positions from the shared layout: the
 * hovered header's "⋯" options button, the "Add stage" and "Add lane" buttons at the grid's far edges,
 * and whichever of the header menu, rename field, add form or delete confirmation is open. DOM rather
 * than Konva so that they are real buttons and fields; the canvas only reports the hovered header.
 */
import { GRID, type HeaderRef, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { headerOptionsLabel } from '../commands/headerMenu'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, sameHeader, useUi } from '../state/ui'
import { boardToScreen, rectToScreen } from '../view/viewport'
import { AddHeaderForm } from './AddHeaderForm'
import { CellEditor } from './CellEditor'
import { DeleteHeaderDialog } from './DeleteHeaderDialog'
import { EmotionLaneControls } from './EmotionLaneControls'
import { HeaderMenu, OPTIONS_BUTTON_PX } from './HeaderMenu'
import { HeaderRenameField } from './HeaderRenameField'
import { KindChangeDialog } from './KindChangeDialog'
import { NoteMenu } from './NoteMenu'
import { NoteSourceField } from './NoteSourceField'
import { StageDescriptionField } from './StageDescriptionField'

/** Board-unit center of a lane's title line (GridLayer draws it at y 22, 18px type). */
const LANE_TITLE_CENTER_Y = 33
/** Gap between the grid and its add buttons; with their 30px, inside zoom-to-fit's 40px margin. */
const EDGE_GAP_PX = 6

function OptionsButton({ header }: { header: HeaderRef }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const menuOpen = useUi((s) => s.gridEdit?.kind === 'menu' && sameHeader(s.gridEdit.header, header))
  const rect = headerRect(layout, header)
  const title = headerTitle(layout, header)
  if (!rect || title === null) return null
  const screen = rectToScreen(viewport, rect)
  const y =
    header.kind === 'stage'
      ? screen.y + (screen.h - OPTIONS_BUTTON_PX) / 2
      : screen.y + LANE_TITLE_CENTER_Y * viewport.scale - OPTIONS_BUTTON_PX / 2
  return (
    <button
      type="button"
      className={`header-options header-options--${header.kind}`}
      aria-label={headerOptionsLabel(header.kind, title)}
      aria-haspopup="menu"
      aria-expanded={menuOpen}
      title={`${headerOptionsLabel(header.kind, title)} — or right-click the header; double-click renames`}
      style={{ left: screen.x + screen.w - OPTIONS_BUTTON_PX - 10, top: y }}
      onClick={() => (menuOpen ? closeGridEdit() : runCommand('header.menu', commands, { header }))}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="5" cy="12" r="1.8" />
        <circle cx="12" cy="12" r="1.8" />
        <circle cx="19" cy="12" r="1.8" />
      </svg>
    </button>
  )
}

function AddButtons() {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const last = layout.stages.at(-1)
  const stageAt = boardToScreen(viewport, {
    x: last ? last.x + last.w : GRID.laneHeaderW,
    y: layout.headerH / 2,
  })
  const laneAt = boardToScreen(viewport, { x: 0, y: layout.height })
  return (
    <>
      <button
        type="button"
        className="grid-add grid-add--stage"
        aria-label="Add stage"
        title="Add a stage (a column) at the end"
        style={{ left: stageAt.x + EDGE_GAP_PX, top: stageAt.y }}
        onClick={() => runCommand('stage.startAdd', commands)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
      </button>
      <button
        type="button"
        className="grid-add grid-add--lane"
        title="Add a lane (a row) at the bottom"
        style={{ left: laneAt.x, top: laneAt.y + EDGE_GAP_PX }}
        onClick={() => runCommand('lane.startAdd', commands)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
        Add lane
      </button>
    </>
  )
}

function OpenGridEdit() {
  const edit = useUi((s) => s.gridEdit)
  if (!edit) return null
  if (edit.kind === 'menu') return <HeaderMenu header={edit.header} />
  if (edit.kind === 'noteMenu') return <NoteMenu key={edit.note} note={edit.note} />
  if (edit.kind === 'kindChange') return <KindChangeDialog lane={edit.lane} to={edit.to} />
  if (edit.kind === 'cell')
    return <CellEditor key={`${edit.cell.laneId}${edit.cell.stageId}`} cell={edit.cell} />
  if (edit.kind === 'noteSource') return <NoteSourceField key={edit.note} note={edit.note} />
  if (edit.kind === 'rename') return <HeaderRenameField key={edit.header.id} header={edit.header} />
  if (edit.kind === 'delete') return <DeleteHeaderDialog header={edit.header} />
  if (edit.kind === 'describe') return <StageDescriptionField key={edit.header.id} header={edit.header} />
  return <AddHeaderForm key={`${edit.axis}${edit.header?.id}${edit.side}`} edit={edit} />
}

export function GridControls() {
  const { readOnly } = useBoardSession()
  const hovered = useUi((s) => s.hoveredHeader)
  const edit = useUi((s) => s.gridEdit)
  if (readOnly) return null
  // The header whose menu is open keeps its button (the menu hangs from it); a renamed one hides it.
  const withButton = edit?.kind === 'menu' ? edit.header : hovered
  const renaming = edit?.kind === 'rename' ? edit.header : null
  return (
    <>
      <AddButtons />
      <EmotionLaneControls />
      {withButton && !sameHeader(withButton, renaming) && (
        <OptionsButton key={`${withButton.kind}${withButton.id}`} header={withButton} />
      )}
      <OpenGridEdit />
    </>
  )
}
