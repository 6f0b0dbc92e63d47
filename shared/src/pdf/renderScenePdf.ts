/*
 * A scene as a vector, tagged PDF: optionally a cover page, the map (one poster page, or paper pages
 * from scene/paginate in 'fit' or 'stages' layout), optionally an insights page, and an appendix with
 * the full text of every note the map cuts. Every page has the board title in a footer with "page n of
 * m". The structure tree, outline, title and language make it readable with a screen reader
 * (structure.ts). Fonts are passed in as bytes (the server reads them from disk, the browser fetches
 * them on demand) and embedded as subsets. Pure apart from pdf-lib: no file system, no DOM, so the
 * server and the browser both run it.
 */
import { PDFDocument } from 'pdf-lib'
import type { NoteId } from '../board/ids'
import type { Scene } from '../scene/buildScene'
import { UNSORTED_TITLE } from '../scene/buildScene'
import type { TextItem } from '../scene/items'
import { paginate } from '../scene/paginate'
import type { Pause } from '../scene/painter'
import { layoutText } from '../scene/textLayout'
import { type CutNote, drawAppendix, drawCover, drawInsights } from './extraPages'
import type { BoardInsights } from './insights'
import { drawMapPages, readingOrder } from './mapPages'
import { MIN_PAGE_PT, paperFrame, posterFrame } from './pageLayout'
import { embedTextFont, type PdfTextFont } from './pdfFont'
import { DEFAULT_PDF_OPTIONS, PAPER_PT, type PdfExportOptions } from './pdfOptions'
import { PdfPages } from './pdfPages'
import type { PdfFonts } from './pdfPainter'
import { type OutlineEntry, StructureTree } from './structure'

export { exportStamp } from './pdfPages'

/** TrueType files: DejaVu Sans and DejaVu Sans Bold (Latin, Greek, Cyrillic and much more). */
export interface PdfFontFiles {
  regular: Uint8Array
  bold: Uint8Array
}

export interface PdfOptions {
  exportedAt: Date
  /** Page size, layout, cover and insights; omitted means the one poster page. */
  pdf?: Partial<PdfExportOptions>
  /** What the insights page shows (boardPdf computes it from the board). */
  insights?: BoardInsights
  /** Yields between batches of notes (the browser passes one, so the page stays responsive). */
  pause?: Pause
  /** Notes drawn so far of all, for a progress bar. */
  progress?: (done: number, total: number) => void
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`

/**
 * The painter's lines of a note's text, and whether they leave some of it out: wrapText ends a cut
 * text's last line in "…", so a last line with one that the text does not account for is a cut. The
 * lines are kept for the painter (`PdfPainter.layouts`), so each note is wrapped once.
 */
function noteLines(item: TextItem, font: PdfTextFont): { lines: string[]; cut: boolean } {
  const measure = (t: string) => font.measure(t, item.fontSize) + item.letterSpacing * [...t].length
  const text = font.repair(item.text)
  const lines = layoutText(item, measure, text).lines
  const last = lines.at(-1) ?? ''
  if (!last.endsWith('…')) return { lines, cut: lines.length === 0 && text.trim() !== '' }
  const shown = lines.join('').replace(/\s+/g, '').length - 1
  return { lines, cut: shown < text.replace(/\s+/g, '').length - (text.trimEnd().endsWith('…') ? 1 : 0) }
}

/** The notes the map cuts, numbered in reading order, with where they are and their whole text. */
function cutNotes(
  scene: Scene,
  font: PdfTextFont,
  layouts: WeakMap<TextItem, string[]>,
): { refs: Map<NoteId, number>; notes: CutNote[] } {
  const texts = new Map<NoteId, TextItem>()
  for (const item of scene.items)
    if (item.layer === 'notes' && item.kind === 'text' && item.record && !item.secondary)
      texts.set(item.record as NoteId, item)
  const { layout } = scene
  const where = new Map<NoteId, string>()
  for (const s of layout.stages)
    for (const l of layout.lanes)
      for (const id of layout.cells.get(`${s.id}|${l.id}`) ?? []) where.set(id, `${s.title} › ${l.title}`)
  const refs = new Map<NoteId, number>()
  const notes: CutNote[] = []
  for (const id of readingOrder(scene)) {
    const item = texts.get(id)
    if (!item) continue
    const { lines, cut } = noteLines(item, font)
    layouts.set(item, lines)
    if (!cut) continue
    const ref = notes.length + 1
    refs.set(id, ref)
    notes.push({ ref, where: where.get(id) ?? UNSORTED_TITLE, text: item.text })
  }
  return { refs, notes }
}

export async function renderScenePdf(
  scene: Scene,
  files: PdfFontFiles,
  options: PdfOptions,
): Promise<Uint8Array> {
  const opts: PdfExportOptions = { ...DEFAULT_PDF_OPTIONS, ...options.pdf }
  const doc = await PDFDocument.create()
  doc.setTitle(scene.title, { showInWindowTitleBar: true })
  doc.setLanguage(opts.language)
  doc.setSubject(`Customer journey map: ${scene.title}`)
  doc.setCreator('Journeyboard')
  doc.setProducer('Journeyboard PDF export (pdf-lib)')
  doc.setCreationDate(options.exportedAt)
  doc.setModificationDate(options.exportedAt)
  const fonts: PdfFonts = {
    regular: await embedTextFont(doc, files.regular),
    bold: await embedTextFont(doc, files.bold),
  }
  const tree = new StructureTree(doc)
  const pages = new PdfPages(doc, fonts, tree, scene.title, options.exportedAt)
  const { layout } = scene
  const paper = opts.page === 'poster' ? undefined : PAPER_PT[opts.page]
  const frame = paper
    ? paperFrame(paper, opts.orientation, opts.layout)
    : // One poster page holds the whole map, whichever layout was asked for.
      posterFrame(scene.width, scene.height)
  const textPage = paper ? { w: frame.width, h: frame.height } : { w: MIN_PAGE_PT.w, h: MIN_PAGE_PT.h }
  const outline: OutlineEntry[] = []
  const h1 = tree.add(tree.root, 'H1')
  if (opts.cover) {
    const counts = [
      count(layout.notes.size, 'note'),
      count(layout.stages.length, 'stage'),
      count(layout.lanes.length, 'lane'),
    ].join(' · ')
    outline.push(
      drawCover(
        pages,
        textPage,
        {
          title: scene.title,
          exportedAt: options.exportedAt,
          counts,
          stages: layout.stages.map((s) => s.title),
          personas: options.insights?.personas ?? [],
        },
        h1,
      ),
    )
  }
  const cut = cutNotes(scene, fonts.regular, pages.layouts)
  const map = tree.add(tree.root, 'Sect', { title: 'Map' })
  const total = layout.notes.size
  const pause: Pause | undefined = options.pause
    ? async (done) => {
        options.progress?.(done, total)
        await options.pause?.(done)
      }
    : options.progress
      ? async (done) => options.progress?.(done, total)
      : undefined
  outline.push(
    await drawMapPages({
      pages,
      scene,
      frame,
      paged: paginate(scene, frame),
      structure: { map, ...(opts.cover ? {} : { title: h1 }) },
      cut: cut.refs,
      ...(pause ? { pause } : {}),
    }),
  )
  if (opts.insights && options.insights) outline.push(drawInsights(pages, textPage, options.insights))
  if (cut.notes.length > 0) outline.push(drawAppendix(pages, textPage, cut.notes))
  pages.finish()
  tree.finish({ language: opts.language, outline })
  options.progress?.(total, total)
  return doc.save({ useObjectStreams: true })
}
