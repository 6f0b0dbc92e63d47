// The board's inks. The scene builders (buildScene, noteItems) put them into the items the canvas and
// the PDF draw; the panels read NOTE_INK for their color swatches.
import type { NoteColor, PersonaColor, TagColor } from '../board/style'

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

/** Persona accents by stored name: curves, legend swatches and card edges (dark enough on white). */
export const PERSONA_INK: Record<PersonaColor, string> = {
  indigo: '#4338ca',
  teal: '#0f766e',
  orange: '#c2410c',
  pink: '#be185d',
  green: '#15803d',
  gray: '#4b5563',
}

/** Tag dots by stored name. */
export const TAG_INK: Record<TagColor, string> = {
  red: '#dc2626',
  orange: '#ea580c',
  yellow: '#ca8a04',
  green: '#16a34a',
  teal: '#0d9488',
  blue: '#2563eb',
  purple: '#7c3aed',
  pink: '#db2777',
  gray: '#6b7280',
}
