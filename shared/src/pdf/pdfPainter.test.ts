import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SceneItem, TextItem } from '../scene/items'
import { paintItem } from '../scene/painter'
import { readPdfFontFiles } from './nodeFontFiles'
import { embedTextFont } from './pdfFont'
import { type PdfFonts, PdfPainter } from './pdfPainter'
import type { PdfFontFiles } from './renderScenePdf'
import { type PagePixels, pdfPagePixels, pdfText } from './testing/poppler'

let files: PdfFontFiles
beforeAll(async () => {
  files = await readPdfFontFiles()
})

const PAGE = { w: 400, h: 300 }

/** A 400 × 300 pt page painted in y-down points by `draw`, read back at 72 dpi (1 pt = 1 px). */
async function paintPage(draw: (painter: PdfPainter) => void): Promise<{ pixels: PagePixels; text: string }> {
  const doc = await PDFDocument.create()
  const fonts: PdfFonts = {
    regular: await embedTextFont(doc, files.regular),
    bold: await embedTextFont(doc, files.bold),
  }
  const painter = new PdfPainter(doc.addPage([PAGE.w, PAGE.h]), fonts)
  painter.save()
  painter.transform([1, 0, 0, -1, 0, PAGE.h])
  draw(painter)
  painter.restore()
  painter.flush()
  const bytes = await doc.save()
  return { pixels: pdfPagePixels(bytes, 72), text: pdfText(bytes) }
}

const near = (actual: number[], expected: number[], tolerance = 3) =>
  actual.every((v, i) => Math.abs(v - (expected[i] ?? 0)) <= tolerance)
const WHITE = [255, 255, 255]

/** The bounding box of the pixels in `area` that are not white. */
function inkBox(pixels: PagePixels, area: { x: number; y: number; w: number; h: number }) {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      if (near(pixels.at(x, y), WHITE, 40)) continue
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x)
      y1 = Math.max(y1, y)
    }
  }
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 }
}

const label = (init: Pick<TextItem, 'x' | 'y' | 'w' | 'h' | 'text'> & Partial<TextItem>): TextItem => ({
  kind: 'text',
  layer: 'grid',
  color: '#000000',
  fontSize: 14,
  fontWeight: 400,
  lineHeight: 1.2,
  letterSpacing: 0,
  align: 'center',
  verticalAlign: 'middle',
  wrap: 'word',
  ellipsis: true,
  ...init,
})

describe('PdfPainter', () => {
  it('fills, strokes and blends rects as the items say', async () => {
    const { pixels } = await paintPage((p) => {
      p.rect({ kind: 'rect', layer: 'grid', x: 20, y: 20, w: 100, h: 40, fill: '#000000', opacity: 0.5 })
      p.rect({
        kind: 'rect',
        layer: 'grid',
        x: 150,
        y: 20,
        w: 60,
        h: 40,
        stroke: { color: '#ff0000', width: 4 },
      })
    })
    expect(near(pixels.at(70, 40), [128, 128, 128])).toBe(true)
    expect(near(pixels.at(150, 40), [255, 0, 0], 10)).toBe(true)
    expect(pixels.at(180, 40)).toEqual(WHITE)
  })

  it('draws arrows, icons and badges as their primitives, with the badge text as text', async () => {
    const items: SceneItem[] = [
      {
        kind: 'arrow',
        layer: 'grid',
        points: [
          { x: 20, y: 100 },
          { x: 200, y: 100 },
        ],
        stroke: { color: '#0000ff', width: 4 },
        heads: 'end',
        headLength: 20,
        headWidth: 16,
      },
      { kind: 'icon', layer: 'grid', name: 'triangle-alert', x: 250, y: 80, w: 48, h: 48, color: '#00aa00' },
      {
        kind: 'badge',
        layer: 'grid',
        x: 20,
        y: 150,
        w: 120,
        h: 30,
        text: '3 votes',
        fill: '#222222',
        color: '#ffffff',
        fontSize: 14,
        fontWeight: 700,
      },
    ]
    const { pixels, text } = await paintPage((p) => {
      for (const item of items) paintItem(p, item)
    })
    const blue = [0, 0, 255]
    expect(near(pixels.at(100, 100), blue, 10)).toBe(true)
    // The head: 16 wide at its base (x 180), 8 wide at x 190, ending at the tip (x 200).
    expect(near(pixels.at(190, 100), blue, 10)).toBe(true)
    expect(pixels.at(190, 107)).toEqual(WHITE)
    expect(pixels.at(204, 100)).toEqual(WHITE)
    // Lucide's triangle-alert at twice its 24-unit grid: the base at y 122, the dot at (274, 114).
    expect(near(pixels.at(274, 122), [0, 170, 0], 40)).toBe(true)
    expect(near(pixels.at(274, 114), [0, 170, 0], 40)).toBe(true)
    expect(pixels.at(264, 112)).toEqual(WHITE) // inside the triangle, beside the mark
    // The pill: dark to its rounded ends, its corners left white.
    expect(near(pixels.at(23, 165), [34, 34, 34], 10)).toBe(true)
    expect(pixels.at(21, 151)).toEqual(WHITE)
    expect(text).toContain('3 votes')
  })

  it('centres text in its box, and breaks and cuts it with the font’s own widths', async () => {
    const { pixels, text } = await paintPage((p) => {
      p.text(label({ x: 200, y: 150, w: 150, h: 30, text: 'Centre' }))
      p.text(label({ x: 20, y: 200, w: 90, h: 34, text: 'one two three four five six seven', align: 'left' }))
    })
    const ink = inkBox(pixels, { x: 200, y: 150, w: 150, h: 30 })
    expect(Math.abs(ink.cx - 275)).toBeLessThanOrEqual(3)
    expect(Math.abs(ink.cy - 165)).toBeLessThanOrEqual(3)
    expect(text).toContain('Centre')
    // Two lines of 16.8 pt fit in 34 pt: the second ends in "…" and the rest is left out.
    expect(text).toMatch(/one two\s+three f?o?u?r?…/)
    expect(text).not.toContain('seven')
  })

  it('draws under the current transform and only inside the clip, until restored', async () => {
    const { pixels } = await paintPage((p) => {
      p.save()
      p.clip({ x: 0, y: 250, w: 100, h: 50 })
      p.rect({ kind: 'rect', layer: 'grid', x: 50, y: 230, w: 100, h: 60, fill: '#000000' })
      p.restore()
      p.save()
      p.transform([2, 0, 0, 2, 300, 200])
      p.rect({ kind: 'rect', layer: 'grid', x: 0, y: 0, w: 10, h: 10, fill: '#ff00ff' })
      p.restore()
      p.rect({ kind: 'rect', layer: 'grid', x: 330, y: 200, w: 10, h: 10, fill: '#00ffff' })
    })
    expect(pixels.at(75, 270)).toEqual([0, 0, 0])
    expect(pixels.at(125, 270)).toEqual(WHITE)
    expect(pixels.at(75, 240)).toEqual(WHITE)
    expect(near(pixels.at(315, 215), [255, 0, 255])).toBe(true)
    // After restore: neither scaled nor clipped.
    expect(near(pixels.at(335, 205), [0, 255, 255])).toBe(true)
  })
})
