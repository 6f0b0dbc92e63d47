/*
 * The scene's items: everything the board draws, as plain data in board units. `buildScene` and
 * `noteItems` make them; a painter draws them (scene/painter.ts: the PDF, later SVG and PNG) and the
 * canvas maps them to Konva nodes (client/src/canvas/SceneItemNode.tsx). Nothing else picks inks,
 * insets or type sizes, so a look changed here changes on screen and on paper at once.
 *
 * Three kinds are primitives every drawing target implements (rect, text, path); arrow, icon and badge
 * are composed of them by `primitivesOf` (scene/primitives.ts), so the canvas and every painter draw
 * the same geometry for them. Colors are '#rrggbb' strings; `opacity` is the item's alpha.
 *
 * Text carries its wrapping rules, not its lines: each target breaks it with text/wrapText and its own
 * font's measure, as a browser and a PDF font differ in widths.
 */
import type { ConnectorId, LaneId, NoteId, StageId } from '../board/ids'
import type { Point, Rect } from '../layout/geometry'
import type { IconName } from './icons'

/**
 * Which part of the board an item belongs to, in paint order: the canvas draws each on its own Konva
 * layer (the grid rarely changes, notes often). 'content' is what content lanes hold (emotion curves,
 * channel chips, metrics, text blocks); 'connectors' are the arrows between notes, drawn over them.
 */
export type SceneLayer = 'grid' | 'content' | 'notes' | 'connectors'

/**
 * The record an item draws, for hit-testing and selection; headers carry their stage or lane, a
 * content lane's items their lane, a connector's its connector.
 */
export type SceneRecordId = NoteId | StageId | LaneId | ConnectorId

interface ItemBase {
  layer: SceneLayer
  record?: SceneRecordId
  /** 0–1; omitted means opaque. */
  opacity?: number
  /** A content lane's item: the stage of its cell, so a tagged PDF reads it in its stage's section. */
  stage?: StageId
  /** Part of a picture (an emotion curve): the alternate text of the figure it belongs to. */
  figure?: string
  /** A note's text that is not its body (its kind's word, a quote's source). */
  secondary?: true
}

export interface Stroke {
  color: string
  width: number
  /** Dash and gap lengths, in board units; omitted means solid. */
  dash?: readonly number[]
}

/** Corner radii: top-left, top-right, bottom-right, bottom-left. */
export type Radii = readonly [number, number, number, number]

/**
 * A drop shadow. Screen only: paper painters leave it out (it only blurs in print). A blur of 0 is a
 * flat offset copy, which costs the canvas nothing per frame (a board-sized blur cost ~40 % of a pan).
 */
export interface Shadow {
  color: string
  opacity: number
  offsetX: number
  offsetY: number
  blur: number
}

export interface RectItem extends ItemBase, Rect {
  kind: 'rect'
  fill?: string
  stroke?: Stroke
  /** One radius for every corner, or one per corner. */
  radius?: number | Radii
  shadow?: Shadow
}

export type FontWeight = 400 | 600 | 700

/** A text in a box; lines are broken by text/wrapText with the drawing target's own measure. */
export interface TextItem extends ItemBase, Rect {
  kind: 'text'
  text: string
  color: string
  fontSize: number
  /** Targets with two faces draw 600 and 700 with the bold one (the PDF's DejaVu Sans Bold). */
  fontWeight: FontWeight
  /** Line box height as a multiple of fontSize. */
  lineHeight: number
  /** Extra advance after each character, in board units. */
  letterSpacing: number
  align: 'left' | 'center' | 'right'
  /** Where the block of lines sits in the box's height. */
  verticalAlign: 'top' | 'middle'
  /** 'none' keeps one line per paragraph; 'word' breaks at spaces and dashes (text/wrapText). */
  wrap: 'word' | 'none'
  /** A text cut by the box ends in "…". */
  ellipsis: boolean
}

/** SVG's absolute path commands, reduced to what every target draws natively. */
export type PathCommand =
  | readonly ['M', number, number]
  | readonly ['L', number, number]
  | readonly ['C', number, number, number, number, number, number]
  | readonly ['Z']

export interface PathItem extends ItemBase {
  kind: 'path'
  commands: readonly PathCommand[]
  fill?: string
  stroke?: Stroke
  lineCap?: 'butt' | 'round'
  lineJoin?: 'miter' | 'round'
}

/** A polyline (straight or elbow) with a filled head at its end, or at both ends. */
export interface ArrowItem extends ItemBase {
  kind: 'arrow'
  points: readonly Point[]
  stroke: Stroke
  heads: 'end' | 'both'
  headLength: number
  headWidth: number
}

/** A named icon from scene/icons.ts, fitted into its box (a square box draws it undistorted). */
export interface IconItem extends ItemBase, Rect {
  kind: 'icon'
  name: IconName
  color: string
}

/** A small pill with a centred, one-line label (cut with "…" when too long). */
export interface BadgeItem extends ItemBase, Rect {
  kind: 'badge'
  text: string
  fill: string
  color: string
  fontSize: number
  fontWeight: FontWeight
  stroke?: Stroke
}

export type PrimitiveItem = RectItem | TextItem | PathItem
export type SceneItem = PrimitiveItem | ArrowItem | IconItem | BadgeItem

/** The rectangle an item may paint into (strokes included), for culling and for splitting into pages. */
export function itemBounds(item: SceneItem): Rect {
  switch (item.kind) {
    case 'rect':
    case 'text':
    case 'icon':
    case 'badge': {
      const pad = 'stroke' in item && item.stroke ? item.stroke.width / 2 : 0
      return { x: item.x - pad, y: item.y - pad, w: item.w + 2 * pad, h: item.h + 2 * pad }
    }
    case 'path': {
      const points: Point[] = []
      for (const c of item.commands) {
        if (c[0] === 'M' || c[0] === 'L') points.push({ x: c[1], y: c[2] })
        else if (c[0] === 'C') points.push({ x: c[1], y: c[2] }, { x: c[3], y: c[4] }, { x: c[5], y: c[6] })
      }
      return padded(pointsBounds(points), (item.stroke?.width ?? 0) / 2)
    }
    case 'arrow':
      return padded(pointsBounds(item.points), Math.max(item.stroke.width, item.headWidth) / 2)
  }
}

function pointsBounds(points: readonly Point[]): Rect {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const p of points) {
    x0 = Math.min(x0, p.x)
    y0 = Math.min(y0, p.y)
    x1 = Math.max(x1, p.x)
    y1 = Math.max(y1, p.y)
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

const padded = (r: Rect, pad: number): Rect => ({
  x: r.x - pad,
  y: r.y - pad,
  w: r.w + 2 * pad,
  h: r.h + 2 * pad,
})
