/*
 * Advance widths of the export font (DejaVu Sans and Bold), without a PDF: what the SVG painter wraps
 * text with, so a note breaks into the same lines as in the PDF. Characters the font lacks are
 * replaced with U+FFFD, as the PDF does, so they show instead of vanishing.
 */
import fontkit from '@pdf-lib/fontkit'

export interface FontMetrics {
  measure(text: string, size: number): number
  repair(text: string): string
  /** Distance from a line box's centre to its baseline (em units), as the canvas computes it. */
  baselineShiftEm: number
}

export function fontMetrics(bytes: Uint8Array): FontMetrics {
  const face = fontkit.create(bytes)
  const upm = face.unitsPerEm
  const advances = new Map<number, number>()
  const has = new Map<number, boolean>()
  const advance = (cp: number) => {
    let a = advances.get(cp)
    if (a === undefined) {
      a = face.glyphForCodePoint(cp).advanceWidth / upm
      advances.set(cp, a)
    }
    return a
  }
  const drawable = (cp: number) => {
    let ok = has.get(cp)
    if (ok === undefined) {
      ok = face.hasGlyphForCodePoint(cp)
      has.set(cp, ok)
    }
    return ok
  }
  return {
    baselineShiftEm: (face.ascent + face.descent) / 2 / upm,
    measure(text, size) {
      let em = 0
      for (const ch of text) em += advance(ch.codePointAt(0) as number)
      return em * size
    },
    repair(text) {
      let out = ''
      for (const ch of text) {
        const cp = ch.codePointAt(0) as number
        if (cp === 0x0a) out += ch
        else if (cp === 0x09) out += ' '
        else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue
        else out += drawable(cp) ? ch : '\ufffd'
      }
      return out
    },
  }
}
