/*
 * A stage's or lane's menu (Rename, Insert, Move, a lane's kind, Delete), opened from the header's "⋯" button, a
 * right-click or a long press on the header, or the accessible outline's options button.
 */
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { readLanes, readStages } from '../../../shared/src/board/schema'
import { type HeaderRef, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { type HeaderSizing, headerMenuItems, headerOptionsLabel } from '../commands/headerMenu'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { CommandMenu } from './CommandMenu'

/** Where the "⋯" button sits in a header, so the menu opens under it (screen px). */
export const OPTIONS_BUTTON_PX = 28

/** Read when the menu renders: the layout it subscribes to changes whenever these do. */
function headerSizing(doc: Y.Doc, header: HeaderRef): HeaderSizing {
  if (header.kind === 'stage') {
    const stage = readStages(doc).find((s) => s.id === header.id)
    return { sized: stage?.width !== undefined, described: !!stage?.description }
  }
  const lane = readLanes(doc).find((l) => l.id === header.id)
  return { sized: lane?.height !== undefined, collapsed: lane?.collapsed ?? false }
}

export function HeaderMenu({ header }: { header: HeaderRef }) {
  const layout = useBoardLayout()
  const { doc } = useBoardSession()
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
  const sizing = headerSizing(doc, header)
  return (
    <CommandMenu
      label={headerOptionsLabel(header.kind, title)}
      title={title}
      items={headerMenuItems(header, laneKind, sizing)}
      anchor={anchor}
      side={header.kind === 'stage' ? 'below' : 'right'}
      keep=".header-options"
      onClose={closeGridEdit}
    />
  )
}
