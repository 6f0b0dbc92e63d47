/*
 * Icons as vector path data, so the canvas and every painter draw the same outline (no emoji font, no
 * bitmap). Each icon is drawn on a 24-unit square grid, stroked with round caps and joins at width 2,
 * the convention of lucide (the package the anatomy issue takes its channel and note-kind icons from;
 * their arcs become cubic curves when added here, as PathCommand has no arc).
 */
import type { PathCommand } from './items'
import { circleCommands } from './pathShapes'

export interface IconDef {
  /** Outlines stroked in the icon's color. */
  strokes: readonly (readonly PathCommand[])[]
  /** Shapes filled in the icon's color (dots, solid marks). */
  fills: readonly (readonly PathCommand[])[]
}

/** The square grid icons are drawn on, and the stroke width they are drawn with on it. */
export const ICON_GRID = 24
export const ICON_STROKE = 2

export const ICONS = {
  /** A warning: lucide's "triangle-alert" with straight corners. */
  alert: {
    strokes: [
      [['M', 12, 3], ['L', 22, 20], ['L', 2, 20], ['Z']],
      [
        ['M', 12, 9],
        ['L', 12, 13],
      ],
    ],
    fills: [circleCommands(12, 16.5, 1.25)],
  },
} as const satisfies Record<string, IconDef>

export type IconName = keyof typeof ICONS
