/*
 * Where a text item's lines go, for painters that place each line themselves (the PDF, later SVG and
 * PNG): the lines from text/wrapText with the painter's own measure, and the top of the first line
 * box once the block is aligned in the item's box, as Konva aligns it on the canvas.
 */
import { type MeasureText, wrapText } from '../text/wrapText'
import type { TextItem } from './items'

export interface TextLayout {
  lines: string[]
  lineHeightPx: number
  /** Top of the first line box, in board units. */
  top: number
}

/**
 * `measure` is the width the painter will draw a run at the item's size, letter spacing included (a
 * PDF adds it per character, the canvas per grapheme); `text` is the item's text as the painter draws
 * it (a PDF font replaces characters it lacks).
 */
export function layoutText(item: TextItem, measure: MeasureText, text = item.text): TextLayout {
  const lineHeightPx = item.fontSize * item.lineHeight
  const box = { width: item.w, height: item.h, lineHeightPx, wrap: item.wrap, ellipsis: item.ellipsis }
  const lines = wrapText(text, box, measure)
  const slack = item.h - lines.length * lineHeightPx
  const top = item.y + (item.verticalAlign === 'middle' ? slack / 2 : 0)
  return { lines, lineHeightPx, top }
}

/** Left edge of a line `width` wide, aligned in the item's box. */
export function lineLeft(item: TextItem, width: number): number {
  if (item.align === 'center') return item.x + (item.w - width) / 2
  if (item.align === 'right') return item.x + item.w - width
  return item.x
}
