/*
 * An embedded font with what the layout needs from it: advance widths (for text/wrapText), ascent and
 * descent (for baselines), and a repair for characters it has no glyph for, which are drawn as U+FFFD
 * (a visible "�") instead of an invisible .notdef box or a crash.
 */
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont, PDFHexString } from 'pdf-lib'

const REPLACEMENT = 0xfffd
const SPACE = 0x20

export interface PdfTextFont {
  /** Width of `text` at `size`, the advance widths as the PDF draws them (no kerning). */
  measure(text: string, size: number): number
  /** `text` with every character the font cannot draw replaced, tabs as spaces, controls dropped. */
  repair(text: string): string
  encode(text: string): PDFHexString
  /** Distance from a line box's centre to its baseline, as the canvas computes it (em units). */
  baselineShiftEm: number
  pdf: PDFFont
}

// Shaping off: each character keeps its own glyph, so the measured width is the drawn width (the PDF
// places glyphs by advance width alone, so kerning would not show anyway), and encoding skips GSUB/GPOS.
const FEATURES = {
  liga: false,
  clig: false,
  dlig: false,
  calt: false,
  kern: false,
  mark: false,
  mkmk: false,
  ccmp: false,
  locl: false,
  rlig: false,
  rclt: false,
}

export async function embedTextFont(doc: PDFDocument, bytes: Uint8Array): Promise<PdfTextFont> {
  doc.registerFontkit(fontkit)
  const pdf = await doc.embedFont(bytes, { subset: true, features: FEATURES })
  const face = fontkit.create(bytes)
  const unitsPerEm = face.unitsPerEm
  const advances = new Map<number, number>()
  const advanceEm = (cp: number): number => {
    let a = advances.get(cp)
    if (a === undefined) {
      a = face.glyphForCodePoint(cp).advanceWidth / unitsPerEm
      advances.set(cp, a)
    }
    return a
  }
  const has = new Map<number, boolean>()
  const drawable = (cp: number): boolean => {
    let ok = has.get(cp)
    if (ok === undefined) {
      ok = face.hasGlyphForCodePoint(cp)
      has.set(cp, ok)
    }
    return ok
  }
  return {
    pdf,
    baselineShiftEm: (face.ascent + face.descent) / 2 / unitsPerEm,
    measure(text, size) {
      let em = 0
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i) as number
        if (cp > 0xffff) i++
        em += advanceEm(cp)
      }
      return em * size
    },
    repair(text) {
      let out = ''
      for (const ch of text) {
        const cp = ch.codePointAt(0) as number
        if (cp === 0x0a) out += ch
        else if (cp === 0x09) out += ' '
        else if (cp < SPACE || (cp >= 0x7f && cp < 0xa0)) continue
        else out += drawable(cp) ? ch : String.fromCodePoint(REPLACEMENT)
      }
      return out
    },
    encode: (text) => pdf.encodeText(text),
  }
}
