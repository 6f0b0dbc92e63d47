/*
 * A WAI-ARIA menu whose every item runs a registry command: focus goes to its first enabled item,
 * arrows, Home and End move, Escape, Tab or a press elsewhere closes it. The header menu and the note
 * menu are this with their own items and anchors.
 */
import { Fragment, useLayoutEffect, useRef } from 'react'
import type { Rect } from '../../../shared/src/layout/geometry'
import { useBoardSession } from '../board/session'
import { type CommandArgs, canRun, getCommand, runCommand } from '../commands/registry'
import type { PopupSide } from '../view/popupPlacement'
import { useOutsidePointerDown } from './useOutsidePointerDown'
import { usePopupPosition } from './usePopupPosition'
import { useReturnFocus } from './useReturnFocus'

export interface CommandMenuItem {
  commandId: string
  label: string
  args: CommandArgs
  /** Drawn in the danger color. */
  danger?: boolean
  /** A separator goes above this item. */
  groupStart?: boolean
  /**
   * One of a set of choices (a radio item, checked when it is the current one), or with `role:
   * 'checkbox'` an on/off item ('mixed' when it is on for some of the notes acted on).
   */
  checked?: boolean | 'mixed'
  role?: 'radio' | 'checkbox'
  /** Consecutive items of one group are wrapped in a labelled group (Kind, Severity, Tags). */
  group?: string
  /** The menu stays open after the item runs, so that several tags can be toggled in a row. */
  stayOpen?: boolean
}

/** Consecutive items sharing a group, in order; items without a group stand alone. */
function grouped(items: readonly CommandMenuItem[]): { group?: string; items: CommandMenuItem[] }[] {
  const runs: { group?: string; items: CommandMenuItem[] }[] = []
  for (const item of items) {
    const last = runs.at(-1)
    if (last && item.group !== undefined && last.group === item.group) last.items.push(item)
    else runs.push({ group: item.group, items: [item] })
  }
  return runs
}

export interface CommandMenuProps {
  /** The menu's accessible name, e.g. "Lane options: Actions". */
  label: string
  /** A visible heading (the record's name); hidden from screen readers, which hear `label`. */
  title: string
  items: readonly CommandMenuItem[]
  /** Where it hangs from, in canvas pixels. */
  anchor: Rect | null
  side: PopupSide
  /** A press on an element matching this (the menu's opener) does not close it. */
  keep: string
  onClose: () => void
}

export function CommandMenu({ label, title, items, anchor, side, keep, onClose }: CommandMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  useReturnFocus(ref)
  const place = usePopupPosition(ref, anchor, side)

  useLayoutEffect(() => {
    ref.current
      ?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')
      ?.focus({ preventScroll: true })
  }, [])

  useOutsidePointerDown(ref, keep, onClose)

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
    else if (e.key === 'Escape' || e.key === 'Tab') onClose()
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <div
      ref={ref}
      className="header-menu"
      role="menu"
      aria-label={label}
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, opacity: place ? 1 : 0 }}
      onKeyDown={onKeyDown}
    >
      <div className="header-menu__title" aria-hidden="true">
        {title}
      </div>
      {grouped(items).map((run) =>
        run.group === undefined ? (
          run.items.map((item) => <Item key={itemKey(item)} item={item} onClose={onClose} />)
        ) : (
          <Fragment key={`group:${run.group}`}>
            <hr className="header-menu__separator" />
            <fieldset className="header-menu__group">
              <legend className="header-menu__group-label">{run.group}</legend>
              {run.items.map((item) => (
                <Item key={itemKey(item)} item={item} onClose={onClose} />
              ))}
            </fieldset>
          </Fragment>
        ),
      )}
    </div>
  )
}

const itemKey = (item: CommandMenuItem): string => `${item.group ?? ''}:${item.commandId}:${item.label}`

function Item({ item, onClose }: { item: CommandMenuItem; onClose: () => void }) {
  const { commands } = useBoardSession()
  const command = getCommand(item.commandId)
  const props = {
    type: 'button' as const,
    className: `header-menu__item${item.danger ? ' header-menu__item--danger' : ''}`,
    disabled: !(command ? canRun(command, commands, item.args) : false),
    onClick: () => {
      // Commands that open a form replace the menu; the others are done once they ran.
      if (!item.stayOpen) onClose()
      runCommand(item.commandId, commands, item.args)
    },
  }
  return (
    <>
      {item.groupStart && <hr className="header-menu__separator" />}
      {item.checked === undefined ? (
        <button role="menuitem" {...props}>
          {item.label}
        </button>
      ) : item.role === 'checkbox' ? (
        <button role="menuitemcheckbox" aria-checked={item.checked} {...props}>
          {item.label}
        </button>
      ) : (
        <button role="menuitemradio" aria-checked={item.checked === true} {...props}>
          {item.label}
        </button>
      )}
    </>
  )
}
