/** Hex inks from the palette as PDF colors; opacity is flattened onto the ink beneath (no ExtGState). */
import { type RGB, rgb } from 'pdf-lib'

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export function pdfColor(hex: string): RGB {
  const [r, g, b] = channels(hex)
  return rgb(r / 255, g / 255, b / 255)
}

/** `hex` drawn at `alpha` over `under`, as one opaque color. */
export function pdfBlend(hex: string, alpha: number, under: string): RGB {
  const top = channels(hex)
  const bottom = channels(under)
  const mix = (i: 0 | 1 | 2) => (top[i] * alpha + bottom[i] * (1 - alpha)) / 255
  return rgb(mix(0), mix(1), mix(2))
}
