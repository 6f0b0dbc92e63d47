/*
 * A text item's lines on the canvas: shared/text/wrapText (the rules every painter follows), measured
 * as Konva's Text measures and draws: the same font string, letter spacing per grapheme, kerning off
 * when letters are spaced. Konva then draws the lines as they are (wrap "none").
 */
import type { TextItem } from '../../../shared/src/scene/items'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import { wrapText } from '../../../shared/src/text/wrapText'

/** Konva's fontStyle for a weight ("normal" or the number). */
export const konvaFontStyle = (weight: TextItem['fontWeight']): string =>
  weight === 400 ? 'normal' : String(weight)

let context: CanvasRenderingContext2D | null | undefined
// What was last set on the context: reading ctx.font back gives the browser's normalized string.
let contextFont = ''
let contextKerning: CanvasFontKerning = 'auto'
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function measurer(item: TextItem): (text: string) => number {
  context ??= document.createElement('canvas').getContext('2d')
  const ctx = context
  const { fontSize, letterSpacing } = item
  // no 2D context (never in a browser): a rough width keeps wrapping working
  if (!ctx) return (text) => text.length * fontSize * 0.5
  // The string Konva's Text sets on its context for these attributes.
  const font = `${konvaFontStyle(item.fontWeight)} normal ${fontSize}px ${BOARD_INK.font}`
  const kerning: CanvasFontKerning = letterSpacing !== 0 ? 'none' : 'auto'
  return (text) => {
    if (contextFont !== font) {
      ctx.font = font
      contextFont = font
    }
    if (contextKerning !== kerning) {
      ctx.fontKerning = kerning
      contextKerning = kerning
    }
    const width = ctx.measureText(text).width
    if (letterSpacing === 0) return width
    let graphemes = 0
    for (const _ of segmenter.segment(text)) graphemes++
    return width + letterSpacing * graphemes
  }
}

export function canvasTextLines(item: TextItem): string {
  const box = {
    width: item.w,
    height: item.h,
    lineHeightPx: item.fontSize * item.lineHeight,
    wrap: item.wrap,
    ellipsis: item.ellipsis,
  }
  return wrapText(item.text, box, measurer(item)).join('\n')
}
