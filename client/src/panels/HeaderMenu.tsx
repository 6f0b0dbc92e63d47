/*
 * A stage's or lane's menu (Rename, Insert, Move, a lane's kind, Delete), opened from the header's "⋯" button, a
 * right-click or a long press on the header, or the accessible outline's options button.
 */
import { useEffect } from 'react'
import { type HeaderRef, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { headerMenuItems, headerOptionsLabel } from '../commands/headerMenu'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { CommandMenu } from './CommandMenu'

/** Where the "⋯" button sits in a header, so the menu opens under it (screen px). */
export const OPTIONS_BUTTON_PX = 28

export function HeaderMenu({ header }: { header: HeaderRef }) {
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const title = headerTitle(layout, header)
  const rect = headerRect(layout, header)
  const screen = rect ? rectToScreen(viewport, rect) : null
  // Stages open the menu under the header's right end (where "⋯" is), lanes to the right of the header.
  const anchor =
    screen && header.kind === 'stage'
      ? { x: screen.x + screen.w - OPTIONS_BUTTON_PX - 10, y: screen.y, w: OPTIONS_BUTTON_PX, h: screen.h }
      : screen

  // Removed by a colleague while open: nothing left to act on.
  useEffect(() => {
    if (title === null) closeGridEdit()
  }, [title])

  if (title === null) return null
  const laneKind = header.kind === 'lane' ? layout.lanes.find((l) => l.id === header.id)?.kind : undefined
  return (
    <CommandMenu
      label={headerOptionsLabel(header.kind, title)}
      title={title}
      items={headerMenuItems(header, laneKind)}
      anchor={anchor}
      side={header.kind === 'stage' ? 'below' : 'right'}
      keep=".header-options"
      onClose={closeGridEdit}
    />
  )
}
