// Paper pages, cover, insights, appendix and the tagged structure, read back with poppler and pdf-lib.
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { buildScene } from '../scene/buildScene'
import { boardPdf } from './boardPdf'
import { boardInsights } from './insights'
import { readPdfFontFiles } from './nodeFontFiles'
import type { PdfFontFiles } from './renderScenePdf'
import { renderScenePdf } from './renderScenePdf'
import { elementsOf, readStructure } from './testing/pdfStructure'
import { pdfInfo, pdfStructText, pdfText } from './testing/poppler'

let fonts: PdfFontFiles
beforeAll(async () => {
  fonts = await readPdfFontFiles()
})

const exportedAt = new Date('2026-11-24T14:05:00Z')
const LONG = `Compares plans on the pricing page ${'and keeps reading '.repeat(12)}until the very end`

/** The customer-lifecycle map (6 stages, 5 lanes) with one note per cell, texts in three scripts. */
function richMap(): Y.Doc {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 'Ταξίδι πελάτη — Путь клиента' })
  const { stages, lanes } = readBoard(doc)
  stages.forEach((s, i) => {
    lanes.forEach((l, j) => {
      const text =
        i === 1 && j === 0 ? LONG : `${['Καλημέρα', 'Привет', 'Crème'][(i + j) % 3]} ${s.title} ${l.title}`
      createNote(doc, { stageId: s.id, laneId: l.id, text })
    })
  })
  return doc
}

describe('paged PDF', () => {
  it('splits stage groups across A4 pages, repeating headers, with page n of m on each', async () => {
    const doc = richMap()
    const bytes = await boardPdf(doc, fonts, { exportedAt, pdf: { page: 'A4', layout: 'stages' } })
    const info = pdfInfo(bytes)
    expect(info.widthPt).toBeCloseTo(841.89, 1)
    expect(info.heightPt).toBeCloseTo(595.28, 1)
    expect(info.tagged).toBe(true)
    const pages = pdfText(bytes).split('\f').slice(0, info.pages)
    const mapPages = pages.filter((p) => !p.includes('Appendix'))
    expect(mapPages.length).toBeGreaterThan(1)
    mapPages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} of ${info.pages}`)
      // The lane header column repeats: a page of cells says which lane each note is in.
      expect(page).toMatch(/Customer\s+actions|Touchpoints|Thoughts|Pain points|Opportunities/)
    })
    const text = pages.join('\n')
    const { notes, stages } = readBoard(doc)
    for (const s of stages) expect(text).toContain(s.title.toUpperCase())
    // Every note's text is on some page (cut ones in full in the appendix), Greek and Cyrillic included.
    for (const n of notes) expect(text.replace(/\s+/g, ' ')).toContain(n.text.replace(/\s+/g, ' '))
  })

  it('fits the whole map on each page in the fit layout, landscape or portrait, on every paper size', async () => {
    const doc = richMap()
    for (const [page, w, h] of [
      ['A3', 1190.55, 841.89],
      ['Letter', 792, 612],
      ['Tabloid', 1224, 792],
    ] as const) {
      const info = pdfInfo(await boardPdf(doc, fonts, { exportedAt, pdf: { page, layout: 'fit' } }))
      expect([info.widthPt, info.heightPt]).toEqual([expect.closeTo(w, 1), expect.closeTo(h, 1)])
    }
    const portrait = await boardPdf(doc, fonts, { exportedAt, pdf: { page: 'A4', orientation: 'portrait' } })
    const info = pdfInfo(portrait)
    expect(info.heightPt).toBeGreaterThan(info.widthPt)
    // One map page and the appendix for the cut note.
    expect(pdfText(portrait).split('\f')[0]).toContain('ADVOCACY')
  })

  it('is tagged: Document → Sect per stage → Sect per lane → P per note, in reading order', async () => {
    const doc = richMap()
    const bytes = await boardPdf(doc, fonts, {
      exportedAt,
      pdf: { page: 'A4', layout: 'stages', language: 'el' },
    })
    const read = await readStructure(bytes)
    expect(read.marked).toBe(true)
    expect(read.language).toBe('el')
    expect(read.root.type).toBe('Document')
    const map = read.root.kids.find((k) => k.type === 'Sect' && k.title === 'Map')
    const { stages, lanes } = readBoard(doc)
    const stageSects = map?.kids.filter((k) => k.title !== 'Lanes') ?? []
    expect(stageSects.map((s) => s.title)).toEqual(stages.map((s) => s.title))
    for (const [i, sect] of stageSects.entries()) {
      expect(sect.kids[0]).toMatchObject({ type: 'H2', actualText: stages[i]?.title })
      expect(sect.kids.slice(1).map((l) => l.title)).toEqual(lanes.map((l) => l.title))
      for (const lane of sect.kids.slice(1)) expect(lane.kids.map((k) => k.type)).toEqual(['P'])
    }
    // A screen reader reads a note's lines with spaces between them, and the cut one's reference.
    const paragraphs = elementsOf(read.root, 'P').map((p) => p.actualText ?? '')
    expect(paragraphs).toContain('Καλημέρα Awareness Customer actions')
    expect(paragraphs.find((p) => p.startsWith('Compares plans on the pricing'))).toMatch(/… \[1\]$/)
    expect(pdfStructText(bytes)).toMatch(/Sect "Awareness"\n\s+H2 \(block\)\n\s+"AWARENESS"/)
    // Bookmarks: the map with one per stage, then the appendix.
    expect(read.outline.map((o) => o.title)).toEqual(['Map', 'Appendix: cut notes'])
    expect(read.outline[0]?.children.map((c) => c.title)).toEqual(stages.map((s) => s.title))
  })

  it('has a cover page and an insights page when asked, in the outline and the structure', async () => {
    const doc = richMap()
    const bytes = await boardPdf(doc, fonts, {
      exportedAt,
      pdf: { page: 'Letter', layout: 'fit', cover: true, insights: true },
    })
    const pages = pdfText(bytes).split('\f')
    expect(pages[0]).toContain('Ταξίδι πελάτη — Путь клиента')
    expect(pages[0]).toContain('exported 2026-11-24 14:05 UTC')
    expect(pages[0]).toMatch(/1\. Awareness[\s\S]*6\. Advocacy/)
    const insights = pages.find((p) => p.includes('Insights')) ?? ''
    expect(insights).toContain('Notes per lane kind and stage')
    // Every lane kind of the template has one note per stage: 6 in total.
    expect(insights).toMatch(/Actions(\s+1){6}\s+6/)
    expect(insights).toContain('This board has no emotion curves.')
    expect(insights).toContain('In map order: the board rates no pain point by severity.')
    const read = await readStructure(bytes)
    expect(read.outline.map((o) => o.title)).toEqual(['Cover', 'Map', 'Insights', 'Appendix: cut notes'])
    expect(elementsOf(read.root, 'H1').length).toBeGreaterThanOrEqual(2)
    expect(elementsOf(read.root, 'Table')).toHaveLength(1)
    expect(elementsOf(read.root, 'TH').length).toBeGreaterThan(6)
  })

  it('draws emotion curves as a figure whose alt text reads every score, and ranks pain points', async () => {
    const doc = richMap()
    const board = readBoard(doc)
    const [a, b, c] = board.stages
    const painNotes = board.notes.filter(
      (n) => board.lanes.find((l) => l.id === n.laneId)?.kind === 'pain-points',
    )
    const inStage = (i: number) => painNotes.find((n) => n.stageId === board.stages[i]?.id)?.id as string
    const severity = new Map([
      [inStage(3), 5],
      [inStage(0), 2],
    ])
    const insights = boardInsights(board, {
      curves: [
        {
          persona: 'Ana',
          points: [
            { stageId: a!.id, value: 1 },
            { stageId: b!.id, value: 0 },
            { stageId: c!.id, value: -2 },
          ],
        },
      ],
      severity,
    })
    const bytes = await renderScenePdf(buildScene(board), fonts, {
      exportedAt,
      insights,
      pdf: { page: 'A4', insights: true },
    })
    const read = await readStructure(bytes)
    const [figure] = elementsOf(read.root, 'Figure')
    expect(figure?.alt).toBe('Emotion curve, Ana: Awareness +1, Consideration 0, Purchase -2')
    const text = pdfText(bytes)
    expect(text).toContain('Top pain points by severity')
    expect(text).toMatch(
      /1\. Onboarding › Pain points · severity 5[\s\S]*2\. Awareness › Pain points · severity 2/,
    )
  })
})
