import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard, removeLane, renameLane } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { keysBetween } from '../order'
import { NOTE_TEXT } from '../scene/textStyle'
import { applyTemplate } from '../templates/applyTemplate'
import { wrapText } from '../text/wrapText'
import { boardPdf } from './boardPdf'
import { readPdfFontFiles } from './nodeFontFiles'
import { MAX_PAGE_PT } from './pageLayout'
import { embedTextFont } from './pdfFont'
import type { PdfFontFiles } from './renderScenePdf'
import { pdfInfo, pdfPagePng, pdfText } from './testing/poppler'

let fonts: PdfFontFiles
beforeAll(async () => {
  fonts = await readPdfFontFiles()
})

const exportedAt = new Date('2026-11-24T14:05:00Z')

function journeyMap(title: string, texts: string[]): Y.Doc {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title })
  const { stages, lanes } = readBoard(doc)
  texts.forEach((text, i) => {
    createNote(doc, { stageId: stages[i % stages.length]!.id, laneId: lanes[i % lanes.length]!.id, text })
  })
  return doc
}

/** PNG width and height from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ w: png.readUInt32BE(16), h: png.readUInt32BE(20) })

describe('board PDF', () => {
  it('holds the title, every header and note text as searchable text, with a footer', async () => {
    const bytes = await boardPdf(journeyMap('Onboarding map', ['Sees an ad', 'Asks a colleague']), fonts, {
      exportedAt,
    })
    const text = pdfText(bytes)
    for (const expected of ['Onboarding map', 'AWARENESS', 'ADVOCACY', 'Customer', 'Opportunities']) {
      expect(text).toContain(expected)
    }
    expect(text).toContain('Sees an ad')
    expect(text).toContain('Asks a colleague')
    expect(text).toContain('Onboarding map · page 1 of 1')
    expect(text).toContain('exported 2026-11-24 14:05 UTC · Journeyboard')
    expect(text).toContain('2 notes · 6 stages · 5 lanes')
    const info = pdfInfo(bytes)
    expect(info).toMatchObject({ pages: 1, title: 'Onboarding map' })
    expect(info.widthPt).toBeGreaterThan(info.heightPt)
  })

  it('keeps accented, Greek and Cyrillic text, and draws what the font lacks as a visible �', async () => {
    const title = 'Crème brûlée — Ωμέγα'
    const bytes = await boardPdf(
      journeyMap(title, ['Ærø Ñandú', 'Καλημέρα', 'Привет, мир', 'Party 🎉 中文']),
      fonts,
      { exportedAt },
    )
    const text = pdfText(bytes)
    expect(text).toContain('Ærø Ñandú')
    expect(text).toContain('Καλημέρα')
    expect(text).toContain('Привет, мир')
    expect(text).toContain('Party � ��')
    expect(pdfInfo(bytes).title).toBe(title)
  })

  it('wraps note text as the canvas does, ending a cut text with an ellipsis', async () => {
    const long = `Compares plans on the pricing page ${'and keeps reading '.repeat(300)}`
    const bytes = await boardPdf(journeyMap('Wrap', [long]), fonts, { exportedAt })
    const probe = await PDFDocument.create()
    const regular = await embedTextFont(probe, fonts.regular)
    const { paddingPx, fontSizePx, lineHeight } = NOTE_TEXT
    const box = {
      width: 160 - 2 * paddingPx,
      height: 110 - 2 * paddingPx,
      lineHeightPx: fontSizePx * lineHeight,
    }
    const lines = wrapText(long, box, (t) => regular.measure(t, fontSizePx))
    expect(lines.length).toBe(4)
    expect(lines.at(-1)).toMatch(/…$/)
    const text = pdfText(bytes)
    expect(text).toContain(lines.join('\n'))
    // The map shows four lines; the appendix page has the rest, under the note's reference number.
    const [map = '', appendix = ''] = text.split('\f')
    expect(map).not.toContain('keeps reading and keeps reading and keeps reading')
    expect(map).toContain('[1]')
    expect(appendix).toContain('[1] Awareness › Customer actions')
    expect(appendix).toContain('keeps reading and keeps reading and keeps reading')
    expect(pdfInfo(bytes).pages).toBeGreaterThan(1)
  })

  it('cuts a lane title longer than its lane with an ellipsis instead of running into the next lane', async () => {
    const doc = journeyMap('Long lane', [])
    const lane = readBoard(doc).lanes[0]!
    const long =
      'Every question the support team hears in the first week after signup, by channel, with how long the answer took and what the customer did next: renewed, churned or zebrafinch'
    renameLane(doc, lane.id, long)
    const text = pdfText(await boardPdf(doc, fonts, { exportedAt }))
    expect(text).toMatch(/Every question\s+the support\s+team hears/)
    expect(text).toContain('…')
    expect(text).not.toContain('zebrafinch')
    // The next lane's title still starts its own header, right after the cut one.
    expect(text).toMatch(/…\s+Touchpoints &\s+channels/)
  })

  it('exports an empty document, a board with no notes, and the Unsorted row', async () => {
    const empty = await boardPdf(new Y.Doc(), fonts, { exportedAt })
    expect(pdfText(empty)).toContain('Untitled board')
    const blank = new Y.Doc()
    applyTemplate(blank, 'blank', { title: 'Blank' })
    expect(pdfInfo(await boardPdf(blank, fonts, { exportedAt })).pages).toBe(1)
    const doc = journeyMap('Removed lane', ['Feels lost'])
    removeLane(doc, readBoard(doc).lanes[0]!.id)
    const text = pdfText(await boardPdf(doc, fonts, { exportedAt }))
    expect(text).toContain('Unsorted')
    expect(text).toContain('Feels lost')
    expect(text).toMatch(/Their stage or lane was\s+removed/)
  })

  it('renders to a page image the size pdfinfo reports', async () => {
    const bytes = await boardPdf(journeyMap('Render', ['One']), fonts, { exportedAt })
    const info = pdfInfo(bytes)
    const png = pdfPagePng(bytes, 60)
    expect(pngSize(png)).toEqual({
      w: Math.ceil((info.widthPt * 60) / 72),
      h: Math.ceil((info.heightPt * 60) / 72),
    })
  })

  it('exports a 20,000-note board on one page no larger than viewers open', {
    timeout: 120_000,
  }, async () => {
    const doc = new Y.Doc()
    applyNotesLifecycle(doc, 'customer-lifecycle', { title: 'Huge' })
    const { stages, lanes } = readBoard(doc)
    // Explicit order keys: createNote's default scans the cell, quadratic for thousands of notes.
    const orders = keysBetween(null, null, 20_000)
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++) {
        const stageId = stages[i % stages.length]!.id
        const laneId = lanes[Math.floor(i / stages.length) % lanes.length]!.id
        createNote(doc, { stageId, laneId, order: orders[i], text: `Note ${i}` })
      }
    })
    expect(readBoard(doc).notes).toHaveLength(20_000)
    const bytes = await boardPdf(doc, fonts, { exportedAt })
    const info = pdfInfo(bytes)
    expect(info.pages).toBe(1)
    expect(Math.max(info.widthPt, info.heightPt)).toBeLessThanOrEqual(MAX_PAGE_PT)
    const text = pdfText(bytes)
    expect(text).toContain('Note 0')
    expect(text).toContain('Note 19999')
  })
})
