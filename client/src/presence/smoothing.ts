/*
 * Remote cursors arrive ~20 times a second; drawn as they arrive they would jump. Each animation frame
 * moves the drawn cursor a fraction of the way to its latest position (exponential smoothing), with the
 * fraction taken from the time since the last frame, so the motion looks the same at 30, 60 or 144 Hz.
 */
import type { Point } from '../../../shared/src/layout/geometry'

export const CURSOR_SMOOTHING = {
  /** Time constant: after this long the cursor has covered ~63% of the remaining distance. */
  timeConstantMs: 45,
  /** Closer than this (in screen pixels) the cursor snaps to its target and the animation can stop. */
  settlePx: 0.3,
  /** A jump longer than this (in screen pixels) is a teleport (e.g. after a pan): no gliding across. */
  teleportPx: 1200,
} as const

/** The share of the remaining distance to cover in a frame `dtMs` long. */
export const smoothingFactor = (
  dtMs: number,
  timeConstantMs: number = CURSOR_SMOOTHING.timeConstantMs,
): number => (dtMs <= 0 ? 0 : 1 - Math.exp(-dtMs / timeConstantMs))

/**
 * One frame of motion from `current` toward `target`; `scale` converts board units to screen pixels,
 * since settling and teleporting are judged by what the viewer sees.
 */
export function stepToward(
  current: Point,
  target: Point,
  dtMs: number,
  scale = 1,
): { point: Point; settled: boolean } {
  const dx = target.x - current.x
  const dy = target.y - current.y
  const distancePx = Math.hypot(dx, dy) * scale
  if (distancePx <= CURSOR_SMOOTHING.settlePx || distancePx >= CURSOR_SMOOTHING.teleportPx)
    return { point: { x: target.x, y: target.y }, settled: true }
  const k = smoothingFactor(dtMs)
  const point = { x: current.x + dx * k, y: current.y + dy * k }
  const left = Math.hypot(target.x - point.x, target.y - point.y) * scale
  return left <= CURSOR_SMOOTHING.settlePx
    ? { point: { ...target }, settled: true }
    : { point, settled: false }
}
