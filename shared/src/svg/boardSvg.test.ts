// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard } from '../board/schema'
import { readPdfFontFiles } from '../pdf/nodeFontFiles'
import type { PdfFontFiles } from '../pdf/renderScenePdf'
import { applyTemplate } from '../templates/applyTemplate'
import { boardSvg } from './boardSvg'

let fonts: PdfFontFiles
beforeAll(async () => {
  fonts = await readPdfFontFiles()
})

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml')

describe('board SVG', () => {
  it('is well-formed SVG with the title, headers and every note as text, in any script', async () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'Café <&> "Ωmega"' })
    const { stages, lanes } = readBoard(doc)
    const texts = ['Καλημέρα', 'Привет, мир', 'a < b & c', 'Party 🎉']
    texts.forEach((text, i) => {
      createNote(doc, { stageId: stages[i]!.id, laneId: lanes[i]!.id, text })
    })
    const svg = await boardSvg(doc, fonts)
    const dom = parse(svg)
    expect(dom.querySelector('parsererror')).toBeNull()
    const root = dom.documentElement
    expect(root.tagName).toBe('svg')
    expect(dom.querySelector('title')?.textContent).toBe('Café <&> "Ωmega"')
    expect(dom.querySelector('desc')?.textContent).toContain('4 notes in 6 stages')
    const words = [...dom.querySelectorAll('text')].map((t) => t.textContent)
    expect(words).toEqual(
      expect.arrayContaining(['AWARENESS', 'ADVOCACY', 'Καλημέρα', 'Привет, мир', 'a < b & c']),
    )
    // What the font lacks is a visible replacement, as in the PDF.
    expect(words).toContain('Party \ufffd')
    // The board's size plus a margin, as its viewBox.
    const [, , w, h] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number)
    expect(w).toBeGreaterThan(1000)
    expect(h).toBeGreaterThan(500)
    // Clips and transforms are balanced groups.
    expect(svg.match(/<g /g)?.length).toBe(svg.match(/<\/g>/g)?.length)
  })
})
