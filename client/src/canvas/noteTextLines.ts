/**
 * A note's visible lines on the canvas: shared/text/wrapText (the rules the PDF follows too), measured
 * with the canvas's own font. Konva then draws the lines as they are (wrap "none").
 */
import { NOTE_TEXT } from '../../../shared/src/scene/textStyle'
import { wrapText } from '../../../shared/src/text/wrapText'

// The font string Konva's Text sets on its context for these attributes.
const FONT = `normal normal ${NOTE_TEXT.fontSizePx}px ${NOTE_TEXT.fontFamily}`

let context: CanvasRenderingContext2D | null = null

function measure(text: string): number {
  if (!context) {
    context = document.createElement('canvas').getContext('2d')
    if (!context) return text.length * NOTE_TEXT.fontSizePx * 0.5 // no 2D context (never in a browser)
    context.font = FONT
  }
  return context.measureText(text).width
}

export function noteTextLines(text: string, w: number, h: number): string {
  const box = {
    width: w - 2 * NOTE_TEXT.paddingPx,
    height: h - 2 * NOTE_TEXT.paddingPx,
    lineHeightPx: NOTE_TEXT.fontSizePx * NOTE_TEXT.lineHeight,
  }
  return wrapText(text, box, measure).join('\n')
}
