/*
 * Viewport math: how board units map to screen pixels. A viewport is the screen position of the board's
 * origin (x, y) and a scale, so `screen = board * scale + (x, y)`. Pure functions, no Konva, no React.
 */
import type { Point, Rect } from '../../../shared/src/layout/geometry'

export interface Viewport {
  x: number
  y: number
  scale: number
}

export interface Size {
  w: number
  h: number
}

export const ZOOM = { minScale: 0.05, maxScale: 4, stepFactor: 1.2, fitPaddingPx: 48 } as const

export const clampScale = (scale: number): number => Math.min(ZOOM.maxScale, Math.max(ZOOM.minScale, scale))

export const screenToBoard = (vp: Viewport, p: Point): Point => ({
  x: (p.x - vp.x) / vp.scale,
  y: (p.y - vp.y) / vp.scale,
})

export const boardToScreen = (vp: Viewport, p: Point): Point => ({
  x: p.x * vp.scale + vp.x,
  y: p.y * vp.scale + vp.y,
})

/** Zooms by `factor` keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAt(vp: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clampScale(vp.scale * factor)
  const board = screenToBoard(vp, anchor)
  return { scale, x: anchor.x - board.x * scale, y: anchor.y - board.y * scale }
}

/** Screen space kept free around a fitted rect, e.g. for the floating toolbar on the left. */
export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

const uniform = (px: number): Insets => ({ top: px, right: px, bottom: px, left: px })

/** The viewport that shows all of `rect` centered in a screen of `size`, never zooming past 100%. */
export function fitRect(rect: Rect, size: Size, padding: number | Insets = ZOOM.fitPaddingPx): Viewport {
  const pad = typeof padding === 'number' ? uniform(padding) : padding
  const availW = Math.max(1, size.w - pad.left - pad.right)
  const availH = Math.max(1, size.h - pad.top - pad.bottom)
  const scale = clampScale(Math.min(1, availW / Math.max(1, rect.w), availH / Math.max(1, rect.h)))
  return {
    scale,
    x: pad.left + (availW - rect.w * scale) / 2 - rect.x * scale,
    y: pad.top + (availH - rect.h * scale) / 2 - rect.y * scale,
  }
}

/** The part of the board a screen of `size` shows. */
export function visibleRect(vp: Viewport, size: Size): Rect {
  return { x: -vp.x / vp.scale, y: -vp.y / vp.scale, w: size.w / vp.scale, h: size.h / vp.scale }
}

/** The smallest pan that brings `rect` fully into view (with a margin), or the viewport unchanged. */
export function panIntoView(vp: Viewport, size: Size, rect: Rect, marginPx = 32): Viewport {
  const left = rect.x * vp.scale + vp.x
  const top = rect.y * vp.scale + vp.y
  const right = left + rect.w * vp.scale
  const bottom = top + rect.h * vp.scale
  let dx = 0
  let dy = 0
  if (left < marginPx) dx = marginPx - left
  else if (right > size.w - marginPx) dx = Math.max(marginPx - left, size.w - marginPx - right)
  if (top < marginPx) dy = marginPx - top
  else if (bottom > size.h - marginPx) dy = Math.max(marginPx - top, size.h - marginPx - bottom)
  return dx === 0 && dy === 0 ? vp : { ...vp, x: vp.x + dx, y: vp.y + dy }
}

export const rectToScreen = (vp: Viewport, rect: Rect): Rect => ({
  x: rect.x * vp.scale + vp.x,
  y: rect.y * vp.scale + vp.y,
  w: rect.w * vp.scale,
  h: rect.h * vp.scale,
})
