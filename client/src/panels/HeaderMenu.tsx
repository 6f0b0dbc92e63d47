/*
 * A stage's or lane's menu (Rename, Insert, Move, a lane's kind, Delete), opened from the header's "⋯" button, a
 * right-click on the header, or the accessible outline's options button. A WAI-ARIA menu: focus goes
 * to its first item, arrows move, Escape or a click elsewhere closes it. Every item runs a command.
 */
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react'
import { type HeaderRef, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { headerMenuItems, headerOptionsLabel } from '../commands/headerMenu'
import { canRun, getCommand, runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { useOutsidePointerDown } from './useOutsidePointerDown'
import { usePopupPosition } from './usePopupPosition'
import { useReturnFocus } from './useReturnFocus'

/** Where the "⋯" button sits in a header, so the menu opens under it (screen px). */
export const OPTIONS_BUTTON_PX = 28

export function HeaderMenu({ header }: { header: HeaderRef }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLDivElement>(null)
  useReturnFocus(ref)
  const title = headerTitle(layout, header)
  const rect = headerRect(layout, header)
  const screen = rect ? rectToScreen(viewport, rect) : null
  // Stages open the menu under the header's right end (where "⋯" is), lanes to the right of the header.
  const anchor =
    screen && header.kind === 'stage'
      ? { x: screen.x + screen.w - OPTIONS_BUTTON_PX - 10, y: screen.y, w: OPTIONS_BUTTON_PX, h: screen.h }
      : screen
  const place = usePopupPosition(ref, anchor, header.kind === 'stage' ? 'below' : 'right')

  // Removed by a colleague while open: nothing left to act on.
  useEffect(() => {
    if (title === null) closeGridEdit()
  }, [title])

  useLayoutEffect(() => {
    ref.current
      ?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')
      ?.focus({ preventScroll: true })
  }, [])

  useOutsidePointerDown(ref, '.header-options', closeGridEdit)

  if (title === null) return null
  const laneKind = header.kind === 'lane' ? layout.lanes.find((l) => l.id === header.id)?.kind : undefined
  const items = headerMenuItems(header, laneKind)
  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? []),
    ]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const focus = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus()
    if (e.key === 'ArrowDown') focus(at + 1)
    else if (e.key === 'ArrowUp') focus(at - 1)
    else if (e.key === 'Home') focus(0)
    else if (e.key === 'End') focus(-1)
    else if (e.key === 'Escape' || e.key === 'Tab') closeGridEdit()
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <div
      ref={ref}
      className="header-menu"
      role="menu"
      aria-label={headerOptionsLabel(header.kind, title)}
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, opacity: place ? 1 : 0 }}
      onKeyDown={onKeyDown}
    >
      <div className="header-menu__title" aria-hidden="true">
        {title}
      </div>
      {items.map((item) => {
        const command = getCommand(item.commandId)
        const props = {
          type: 'button' as const,
          className: `header-menu__item${item.danger ? ' header-menu__item--danger' : ''}`,
          disabled: !(command ? canRun(command, commands, item.args) : false),
          onClick: () => {
            // Commands that open a form replace the menu; the others are done once they ran.
            closeGridEdit()
            runCommand(item.commandId, commands, item.args)
          },
        }
        return (
          <Fragment key={item.label}>
            {item.groupStart && <hr className="header-menu__separator" />}
            {item.checked === undefined ? (
              <button role="menuitem" {...props}>
                {item.label}
              </button>
            ) : (
              <button role="menuitemradio" aria-checked={item.checked} {...props}>
                {item.label}
              </button>
            )}
          </Fragment>
        )
      })}
    </div>
  )
}
