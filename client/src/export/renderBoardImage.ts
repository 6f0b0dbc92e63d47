/*
 * PNG of the board, drawn from the scene with the canvas painter: the whole board (with a margin of the
 * canvas's background) or what the view shows now, at 1×, 2× or 4× the pixels. A browser refuses
 * canvases past a size (Chrome: 16,384 px a side, ~268 M pixels), so a scale that would exceed it is
 * lowered to the largest that fits, and the caller says so.
 */
import type { Scene } from '../../../shared/src/scene/buildScene'
import { type Pause, paintItems } from '../../../shared/src/scene/painter'
import type { Size, Viewport } from '../view/viewport'
import { CanvasPainter } from './canvasPainter'

export const MAX_CANVAS_SIDE = 16_384
export const MAX_CANVAS_PIXELS = 120_000_000
const MARGIN = 32

export interface ImageRequest {
  area: 'board' | 'view'
  scale: 1 | 2 | 4
}

/** The pixel ratio actually used for a `w` × `h` picture asked for at `scale`. */
export function fittedScale(w: number, h: number, scale: number): number {
  const side = MAX_CANVAS_SIDE / Math.max(w, h, 1)
  const area = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, w * h))
  return Math.min(scale, side, area)
}

export async function renderBoardPng(
  scene: Scene,
  request: ImageRequest,
  view: { viewport: Viewport; size: Size },
  pause?: Pause,
): Promise<{ blob: Blob; width: number; height: number; scale: number }> {
  const board = request.area === 'board'
  const w = board ? scene.width + 2 * MARGIN : view.size.w
  const h = board ? scene.height + 2 * MARGIN : view.size.h
  const scale = fittedScale(w, h, request.scale)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(w * scale))
  canvas.height = Math.max(1, Math.round(h * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this browser cannot draw an image')
  ctx.fillStyle = scene.background
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  const painter = new CanvasPainter(ctx)
  painter.transform([scale, 0, 0, scale, 0, 0])
  if (board) painter.transform([1, 0, 0, 1, MARGIN, MARGIN])
  else {
    const { x, y, scale: s } = view.viewport
    painter.transform([s, 0, 0, s, x, y])
  }
  await paintItems(painter, scene.items, pause)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('the image was too large to encode')
  return { blob, width: canvas.width, height: canvas.height, scale }
}
