import { beforeAll, describe, expect, it } from 'vitest'
import { richBoard } from '../scene/testing/richBoard'
import { boardPdf } from './boardPdf'
import { readPdfFontFiles } from './nodeFontFiles'
import type { PdfFontFiles } from './renderScenePdf'
import { elementsOf, readStructure } from './testing/pdfStructure'
import { pdfInfo, pdfPagePng, pdfText } from './testing/poppler'

let fonts: PdfFontFiles
beforeAll(async () => {
  fonts = await readPdfFontFiles()
})

describe('the PDF of a rich journey map', () => {
  it('holds every lane kind, note kind and connector label as text, and each curve as a figure with alt text', async () => {
    const bytes = await boardPdf(richBoard().doc, fonts, { exportedAt: new Date('2026-12-03T12:00:00Z') })
    expect(pdfInfo(bytes).tagged).toBe(true)
    // pdftotext breaks a wrapped note's lines; the words are what must all be there.
    const text = pdfText(bytes).replace(/\s+/g, ' ')
    for (const expected of ['Ads', 'Word of mouth', 'Sales call', '34 %', 'Understand what the product does'])
      expect(text).toContain(expected)
    for (const expected of ['Pain', 'Idea', 'Question', 'Quote', 'Pricing page is confusing', 'leads to'])
      expect(text).toContain(expected)
    expect(text).toContain('Personas diverge')
    const figures = elementsOf((await readStructure(bytes)).root, 'Figure').map((f) => f.alt)
    expect(figures).toEqual(
      expect.arrayContaining([
        'Emotion curve, Ana: Awareness +1, Consideration 0, Purchase −1, Onboarding +1',
        'Emotion curve, Ben: Awareness +1, Consideration −2, Purchase −1, Onboarding no score',
      ]),
    )
    if (process.env.ANATOMY_PDF_PNG) pdfPagePng(bytes, 60, process.env.ANATOMY_PDF_PNG)
  })
})
