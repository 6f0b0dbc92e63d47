import { describe, expect, it } from 'vitest'
import { CURSOR_SMOOTHING, smoothingFactor, stepToward } from './smoothing'

/** Where a cursor is after `frames` frames of `frameMs` each, gliding from 0 to 100. */
function glide(frameMs: number, frames: number) {
  let point = { x: 0, y: 0 }
  for (let i = 0; i < frames; i++) point = stepToward(point, { x: 100, y: 0 }, frameMs).point
  return point
}

describe('cursor smoothing', () => {
  it('moves part of the way each frame, never overshooting', () => {
    const { point, settled } = stepToward({ x: 0, y: 0 }, { x: 100, y: 50 }, 16)
    expect(settled).toBe(false)
    expect(point.x).toBeGreaterThan(0)
    expect(point.x).toBeLessThan(100)
    expect(point.y / point.x).toBeCloseTo(0.5)
  })

  it('looks the same at 60 Hz and 120 Hz', () => {
    // 100 ms either way: 6 frames at 60 Hz, 12 at 120 Hz.
    expect(glide(1000 / 60, 6).x).toBeCloseTo(glide(1000 / 120, 12).x, 6)
  })

  it('arrives within a few time constants and then reports settled', () => {
    let state = { point: { x: 0, y: 0 }, settled: false }
    let frames = 0
    while (!state.settled && frames < 1000) {
      state = stepToward(state.point, { x: 100, y: 100 }, 16)
      frames++
    }
    expect(state.point).toEqual({ x: 100, y: 100 })
    expect(frames * 16).toBeLessThan(CURSOR_SMOOTHING.timeConstantMs * 10)
  })

  it('jumps straight to far targets (teleports) and judges distance in screen pixels', () => {
    expect(stepToward({ x: 0, y: 0 }, { x: 5000, y: 0 }, 16)).toEqual({
      point: { x: 5000, y: 0 },
      settled: true,
    })
    // 500 board units at 10% zoom is only 50 screen pixels: glide.
    expect(stepToward({ x: 0, y: 0 }, { x: 5000, y: 0 }, 16, 0.1).settled).toBe(false)
  })

  it('does not move in a zero-length frame', () => {
    expect(smoothingFactor(0)).toBe(0)
    expect(stepToward({ x: 0, y: 0 }, { x: 10, y: 0 }, 0).point).toEqual({ x: 0, y: 0 })
  })
})
