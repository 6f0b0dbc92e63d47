/*
 * The pages around the map: the cover (title, date, counts, stage list, personas), the insights page
 * (notes per lane kind and stage as a tagged table, the emotion curves as a figure with alt text, the
 * top pain points) and the appendix (the full text of every note cut on the map, by reference number).
 */
import type { StageId } from '../board/ids'
import type { PathCommand } from '../scene/items'
import type { BoardInsights } from './insights'
import { curveAltText } from './insights'
import { exportStamp, INK, MUTED, type PdfPages } from './pdfPages'
import type { OutlineEntry, StructNode } from './structure'
import { TextFlow } from './textFlow'

const RULE = '#d9dde5'
const CURVE_INKS = ['#c2410c', '#1d4ed8', '#15803d', '#7e22ce', '#be185d', '#0f766e']

export interface CoverInput {
  title: string
  exportedAt: Date
  counts: string
  stages: readonly string[]
  personas: readonly string[]
}

export function drawCover(
  pages: PdfPages,
  size: { w: number; h: number },
  input: CoverInput,
  h1: StructNode,
): OutlineEntry {
  const { fonts, tree } = pages
  const flow = new TextFlow(pages, size.w, size.h)
  const page = flow.page.page
  flow.space(size.h * 0.18)
  flow.paragraph(input.title, { font: fonts.bold, size: 34, color: INK, leading: 1.2 }, h1)
  flow.space(10)
  const meta = tree.add(tree.root, 'P')
  flow.paragraph(
    `Customer journey map · exported ${exportStamp(input.exportedAt)}`,
    { font: fonts.regular, size: 12, color: MUTED },
    meta,
  )
  flow.paragraph(input.counts, { font: fonts.regular, size: 12, color: MUTED }, meta)
  flow.space(24)
  const sect = tree.add(tree.root, 'Sect', { title: 'Stages' })
  flow.paragraph('Stages', { font: fonts.bold, size: 16, color: INK }, tree.add(sect, 'H2'))
  flow.space(4)
  const list = tree.add(sect, 'L')
  input.stages.forEach((title, i) => {
    const item = tree.add(list, 'LI')
    flow.paragraph(
      `${i + 1}. ${title}`,
      { font: fonts.regular, size: 12, color: INK },
      tree.add(item, 'LBody'),
    )
  })
  if (input.personas.length > 0) {
    flow.space(16)
    const personas = tree.add(tree.root, 'Sect', { title: 'Personas' })
    flow.paragraph('Personas', { font: fonts.bold, size: 16, color: INK }, tree.add(personas, 'H2'))
    flow.paragraph(
      input.personas.join(' · '),
      { font: fonts.regular, size: 12, color: INK },
      tree.add(personas, 'P'),
    )
  }
  return { title: 'Cover', page, top: 0 }
}

export function drawInsights(
  pages: PdfPages,
  size: { w: number; h: number },
  insights: BoardInsights,
): OutlineEntry {
  const { fonts, tree } = pages
  const sect = tree.add(tree.root, 'Sect', { title: 'Insights' })
  const flow = new TextFlow(pages, size.w, size.h)
  const page = flow.page.page
  flow.paragraph('Insights', { font: fonts.bold, size: 22, color: INK }, tree.add(sect, 'H1'))
  flow.space(8)

  const counts = tree.add(sect, 'Sect', { title: 'Notes per lane kind and stage' })
  flow.paragraph(
    'Notes per lane kind and stage',
    { font: fonts.bold, size: 14, color: INK },
    tree.add(counts, 'H2'),
  )
  flow.space(4)
  drawTable(flow, pages, counts, insights)
  flow.space(18)

  const curves = tree.add(sect, 'Sect', { title: 'Emotion curves' })
  flow.ensure(140)
  flow.paragraph('Emotion curves', { font: fonts.bold, size: 14, color: INK }, tree.add(curves, 'H2'))
  if (insights.curves.length === 0) {
    flow.paragraph(
      'This board has no emotion curves.',
      { font: fonts.regular, size: 11, color: MUTED },
      tree.add(curves, 'P'),
    )
  } else {
    drawCurves(flow, pages, curves, insights)
  }
  flow.space(18)

  const pains = tree.add(sect, 'Sect', { title: 'Top pain points' })
  flow.ensure(60)
  flow.paragraph(
    insights.painPointsRanked ? 'Top pain points by severity' : 'Pain points',
    { font: fonts.bold, size: 14, color: INK },
    tree.add(pains, 'H2'),
  )
  if (insights.painPoints.length === 0) {
    flow.paragraph(
      'No notes in pain-point lanes.',
      { font: fonts.regular, size: 11, color: MUTED },
      tree.add(pains, 'P'),
    )
  } else {
    if (!insights.painPointsRanked)
      flow.paragraph(
        'In map order: the board rates no pain point by severity.',
        { font: fonts.regular, size: 10, color: MUTED },
        tree.add(pains, 'P'),
      )
    const list = tree.add(pains, 'L')
    insights.painPoints.forEach((p, i) => {
      const item = tree.add(list, 'LI')
      const rating = p.severity !== undefined ? ` · severity ${p.severity}` : ''
      flow.space(3)
      flow.paragraph(
        `${i + 1}. ${p.stage} › ${p.lane}${rating}`,
        { font: fonts.bold, size: 10, color: MUTED },
        tree.add(item, 'Lbl'),
      )
      flow.paragraph(
        p.text,
        { font: fonts.regular, size: 11, color: INK, indent: 14 },
        tree.add(item, 'LBody'),
      )
    })
  }
  return { title: 'Insights', page, top: 0 }
}

function drawTable(flow: TextFlow, pages: PdfPages, parent: StructNode, insights: BoardInsights): void {
  const { fonts, tree } = pages
  const size = 9.5
  const rowH = 18
  const labelW = 120
  const cols = insights.stages.length + 1
  const cellW = Math.max(30, (flow.right - flow.left - labelW) / Math.max(1, cols))
  const table = tree.add(parent, 'Table')
  const row = (cells: string[], header: boolean, rowHeader: string) => {
    flow.ensure(rowH)
    const at = flow.page
    const tr = tree.add(table, 'TR')
    const y = flow.y
    at.painter.beginArtifact()
    at.painter.rect({
      kind: 'rect',
      layer: 'grid',
      x: flow.left,
      y: y + rowH,
      w: flow.right - flow.left,
      h: 0.6,
      fill: RULE,
    })
    at.painter.endMarked()
    const baseline = y + rowH / 2 + size * 0.35
    const first = pages.fitLine(fonts.bold, size, rowHeader, labelW - 6)
    pages.line(at, fonts.bold, size, flow.left, baseline, first, INK, tree.add(tr, 'TH'))
    cells.forEach((c, i) => {
      const font = header ? fonts.bold : fonts.regular
      const text = pages.fitLine(font, size, c, cellW - 6)
      const w = font.measure(text, size)
      const x = flow.left + labelW + (i + 1) * cellW - 6 - w
      pages.line(at, font, size, x, baseline, text, header ? INK : MUTED, tree.add(tr, header ? 'TH' : 'TD'))
    })
    flow.y += rowH
  }
  row([...insights.stages.map((s) => s.title), 'Total'], true, 'Lane kind')
  for (const k of insights.kinds) row([...k.perStage.map(String), String(k.total)], false, k.label)
  if (insights.kinds.length === 0) {
    flow.space(4)
    flow.paragraph(
      'No notes in any stage and lane yet.',
      { font: fonts.regular, size: 11, color: MUTED },
      tree.add(parent, 'P'),
    )
  }
}

/** One chart, all personas: stages across, -2 … +2 up; the figure's alt text reads every curve. */
function drawCurves(flow: TextFlow, pages: PdfPages, parent: StructNode, insights: BoardInsights): void {
  const { fonts, tree } = pages
  const chartH = 150
  const legendH = 16 * insights.curves.length
  flow.ensure(chartH + legendH + 30)
  const at = flow.page
  const alt = insights.curves.map((c) => curveAltText(c, insights.stages)).join('. ')
  const figure = tree.add(parent, 'Figure', { alt })
  const x0 = flow.left + 24
  const x1 = flow.right - 12
  const top = flow.y + 8
  const bottom = top + chartH
  const n = Math.max(1, insights.stages.length)
  const xOf = (i: number) => x0 + ((i + 0.5) * (x1 - x0)) / n
  const yOf = (v: number) => top + ((2 - Math.max(-2, Math.min(2, v))) / 4) * chartH
  const index = new Map<StageId, number>(insights.stages.map((s, i) => [s.id, i]))
  const { painter } = at
  painter.beginTagged('Figure', tree.mcid(at.page, figure))
  for (let v = -2; v <= 2; v++) {
    painter.rect({
      kind: 'rect',
      layer: 'grid',
      x: x0,
      y: yOf(v) - 0.3,
      w: x1 - x0,
      h: 0.6,
      fill: v === 0 ? '#9aa3b5' : RULE,
    })
    painter.line(fonts.regular, 8, flow.left, yOf(v) + 3, v > 0 ? `+${v}` : String(v), MUTED)
  }
  insights.stages.forEach((s, i) => {
    const label = pages.fitLine(fonts.regular, 8, s.title, (x1 - x0) / n - 4)
    painter.line(fonts.regular, 8, xOf(i) - fonts.regular.measure(label, 8) / 2, bottom + 12, label, MUTED)
  })
  insights.curves.forEach((curve, c) => {
    const color = CURVE_INKS[c % CURVE_INKS.length] as string
    const points = curve.points
      .map((p) => ({ i: index.get(p.stageId), v: p.value }))
      .filter((p): p is { i: number; v: number } => p.i !== undefined)
      .sort((a, b) => a.i - b.i)
    const commands: PathCommand[] = points.map((p, k) => [k === 0 ? 'M' : 'L', xOf(p.i), yOf(p.v)])
    if (commands.length > 1)
      painter.path({
        kind: 'path',
        layer: 'grid',
        commands,
        stroke: { color, width: 2 },
        lineJoin: 'round',
        lineCap: 'round',
      })
    for (const p of points)
      painter.rect({
        kind: 'rect',
        layer: 'grid',
        x: xOf(p.i) - 3,
        y: yOf(p.v) - 3,
        w: 6,
        h: 6,
        fill: color,
        radius: 3,
      })
    const ly = bottom + 30 + c * 16
    painter.rect({ kind: 'rect', layer: 'grid', x: x0, y: ly - 7, w: 14, h: 3, fill: color })
    painter.line(fonts.regular, 9, x0 + 20, ly, fonts.regular.repair(curve.persona), INK)
  })
  painter.endMarked()
  flow.y = bottom + 30 + legendH
}

export interface CutNote {
  ref: number
  where: string
  text: string
}

export function drawAppendix(
  pages: PdfPages,
  size: { w: number; h: number },
  notes: readonly CutNote[],
): OutlineEntry {
  const { fonts, tree } = pages
  const sect = tree.add(tree.root, 'Sect', { title: 'Appendix' })
  const flow = new TextFlow(pages, size.w, size.h)
  const page = flow.page.page
  flow.paragraph(
    'Appendix: full text of cut notes',
    { font: fonts.bold, size: 20, color: INK },
    tree.add(sect, 'H1'),
  )
  flow.paragraph(
    'A note whose text does not fit its card ends in “…” on the map, with its number in the card’s corner.',
    { font: fonts.regular, size: 10, color: MUTED },
    tree.add(sect, 'P'),
  )
  flow.space(8)
  const list = tree.add(sect, 'L')
  for (const note of notes) {
    const item = tree.add(list, 'LI')
    flow.ensure(40)
    flow.space(4)
    flow.paragraph(
      `[${note.ref}] ${note.where}`,
      { font: fonts.bold, size: 10, color: MUTED },
      tree.add(item, 'Lbl'),
    )
    flow.paragraph(
      note.text,
      { font: fonts.regular, size: 11, color: INK, indent: 14 },
      tree.add(item, 'LBody'),
    )
  }
  return { title: 'Appendix: cut notes', page, top: 0 }
}
