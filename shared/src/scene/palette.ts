// The board's inks. The scene builders (buildScene, noteItems) put them into the items the canvas and
// the PDF draw; the panels read NOTE_INK for their color swatches.
import type { NoteColor } from '../board/style'

/** Inks for each stored color name (notes read them through noteItems' noteInk). */
export const NOTE_INK: Record<NoteColor, { fill: string; border: string; text: string }> = {
  yellow: { fill: '#fff3a3', border: '#e6cf5c', text: '#3d3414' },
  orange: { fill: '#ffd4a8', border: '#f0a868', text: '#4a2a0e' },
  pink: { fill: '#ffc9de', border: '#ec8fb3', text: '#4a1429' },
  purple: { fill: '#e2d4ff', border: '#b39af0', text: '#2c1a52' },
  blue: { fill: '#c7e3ff', border: '#7fb5ec', text: '#0f2d4d' },
  teal: { fill: '#c2f0e8', border: '#6ccdbb', text: '#0d3a33' },
  green: { fill: '#d3f5c4', border: '#8fd27a', text: '#1d3d12' },
  gray: { fill: '#e6e8ec', border: '#b4bac4', text: '#262b33' },
}

export const BOARD_INK = {
  canvas: '#eef0f4',
  boardFill: '#ffffff',
  stageDivider: '#34405e',
  gridLine: '#d9dde5',
  headerFill: '#ffffff',
  stageHeaderFill: '#1f2a44',
  stageHeaderText: '#ffffff',
  laneHeaderText: '#1f2a44',
  unsortedFill: '#fdf1f1',
  unsortedText: '#8a2b2b',
  font: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const
