/*
 * The items of a stage's or lane's menu, as data: the canvas's header menu and the accessible outline
 * open the same menu, and every item runs a registry command with the header as its argument. Words
 * follow the axis: a stage moves left and right, a lane up and down.
 */
import { LANE_KIND_LIST, type ReadLaneKind } from '../../../shared/src/board/laneKinds/registry'
import type { HeaderRef } from '../../../shared/src/layout/grid'
import type { CommandArgs } from './registry'

export interface HeaderMenuItem {
  commandId: string
  label: string
  args: CommandArgs
  /** Drawn in the danger color, after a separator. */
  danger?: boolean
  /** A separator goes above this item. */
  groupStart?: boolean
  /** One of a set of choices (a lane's kind): shown as a radio item, checked when it is the current one. */
  checked?: boolean
}

/** "Stage" or "Lane", for labels such as "Stage options: Awareness". */
export const axisName = (kind: HeaderRef['kind']): 'Stage' | 'Lane' => (kind === 'stage' ? 'Stage' : 'Lane')

export const headerOptionsLabel = (kind: HeaderRef['kind'], title: string): string =>
  `${axisName(kind)} options: ${title}`

/** What a header's menu offers to undo: a size set by hand, a collapsed lane, a description. */
export interface HeaderSizing {
  sized: boolean
  collapsed?: boolean
  described?: boolean
}

/**
 * `laneKind`: the lane's current kind, for the "Holds" choices a lane menu offers; `sizing`: what the
 * header has now, for the size and description items' words.
 */
export function headerMenuItems(
  header: HeaderRef,
  laneKind?: ReadLaneKind,
  sizing: HeaderSizing = { sized: false },
): HeaderMenuItem[] {
  const stage = header.kind === 'stage'
  const noun = stage ? 'stage' : 'lane'
  const [before, after] = stage ? ['left', 'right'] : ['above', 'below']
  const [earlier, later] = stage ? ['left', 'right'] : ['up', 'down']
  return [
    { commandId: 'header.startRename', label: 'Rename…', args: { header } },
    {
      commandId: `${noun}.startAdd`,
      label: `Insert ${noun} ${before}…`,
      args: { header, side: 'before' },
      groupStart: true,
    },
    { commandId: `${noun}.startAdd`, label: `Insert ${noun} ${after}…`, args: { header, side: 'after' } },
    { commandId: 'header.moveEarlier', label: `Move ${earlier}`, args: { header }, groupStart: true },
    { commandId: 'header.moveLater', label: `Move ${later}`, args: { header } },
    ...(stage
      ? [
          {
            commandId: 'stage.startDescribe',
            label: sizing.described ? 'Edit description…' : 'Add description…',
            args: { header },
            groupStart: true,
          },
        ]
      : [
          {
            commandId: 'lane.toggleCollapsed',
            label: sizing.collapsed ? 'Expand lane' : 'Collapse lane',
            args: { header },
            groupStart: true,
          },
        ]),
    ...(sizing.sized
      ? [
          {
            commandId: 'header.setSize',
            label: stage ? 'Fit width to its notes' : 'Fit height to its content',
            args: { header, extent: null },
          },
        ]
      : []),
    ...(header.kind === 'lane' && laneKind
      ? LANE_KIND_LIST.map(({ id: kind, label }, i) => ({
          commandId: 'lane.setKind',
          label: `Holds: ${label}`,
          args: { header, laneKind: kind },
          checked: kind === laneKind,
          groupStart: i === 0,
        }))
      : []),
    {
      commandId: 'header.startDelete',
      label: `Delete ${noun}…`,
      args: { header },
      danger: true,
      groupStart: true,
    },
  ]
}
