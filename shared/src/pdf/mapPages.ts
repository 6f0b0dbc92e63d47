/*
 * The map's pages: each page of scene/paginate drawn with the scene's items under its views' transforms
 * and clips, the grid first, then the notes in reading order (stage by stage, lane by lane, cell order,
 * then the Unsorted row), so the content stream, `pdftotext` and the structure tree all read the map
 * the same way. Text is tagged (a stage's header is its section's H2, each note a P in its stage's and
 * lane's section, lane titles P in a "Lanes" section); cards, cells and lines are artifacts; a header
 * repeated on a later page is a pagination artifact. A note cut on the map carries its reference
 * number ("[3]") in its card's corner; its full text is in the appendix.
 */
import type { LaneId, NoteId, StageId } from '../board/ids'
import type { Rect } from '../layout/geometry'
import { cellKey, UNSORTED_CELL } from '../layout/grid'
import type { Scene } from '../scene/buildScene'
import { UNSORTED_TITLE } from '../scene/buildScene'
import { itemBounds, type SceneItem, type TextItem } from '../scene/items'
import { noteInk } from '../scene/noteItems'
import type { PageFrame, PageRow, ScenePage } from '../scene/paginate'
import { type Pause, paintItem } from '../scene/painter'
import { primitivesOf } from '../scene/primitives'
import { MARGIN_PT } from './pageLayout'
import type { DrawnPage, PdfPages } from './pdfPages'
import { INK, META_PT, MUTED } from './pdfPages'
import type { OutlineEntry, StructNode } from './structure'

const TITLE_PT = 20
const BATCH = 1_000

export interface MapStructure {
  /** The H1 the first map page's title is tagged as; absent when a cover page holds the title. */
  title?: StructNode
  map: StructNode
}

interface StageSect {
  sect: StructNode
  heading: StructNode
  lanes: Map<PageRow, StructNode>
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`

/** Every note id in the map's reading order: stage by stage, lane by lane, then the Unsorted row. */
export function readingOrder(scene: Scene): NoteId[] {
  const { layout } = scene
  const out: NoteId[] = []
  for (const s of layout.stages)
    for (const l of layout.lanes) out.push(...(layout.cells.get(cellKey(s.id, l.id)) ?? []))
  out.push(...(layout.cells.get(UNSORTED_CELL) ?? []))
  return out
}

export interface MapPagesInput {
  pages: PdfPages
  scene: Scene
  frame: PageFrame
  paged: ScenePage[]
  structure: MapStructure
  /** Reference numbers of the notes cut on the map. */
  cut: ReadonlyMap<NoteId, number>
  pause?: Pause
}

export async function drawMapPages(input: MapPagesInput): Promise<OutlineEntry> {
  const { pages, scene, frame, paged, structure, cut, pause } = input
  const { tree, fonts } = pages
  const { layout } = scene
  const stageSects = new Map<StageId, StageSect>()
  for (const s of layout.stages) {
    const sect = tree.add(structure.map, 'Sect', { title: s.title })
    stageSects.set(s.id, { sect, heading: tree.add(sect, 'H2', { actualText: s.title }), lanes: new Map() })
  }
  const lanesSect = tree.add(structure.map, 'Sect', { title: 'Lanes' })
  const laneTitles = new Map<LaneId, StructNode>(layout.lanes.map((l) => [l.id, tree.add(lanesSect, 'P')]))
  let unsorted: { sect: StructNode; heading: StructNode; caption: StructNode } | undefined
  if (layout.unsorted) {
    const sect = tree.add(structure.map, 'Sect', { title: UNSORTED_TITLE })
    unsorted = { sect, heading: tree.add(sect, 'H2'), caption: tree.add(sect, 'P') }
  }
  const grid: SceneItem[] = []
  const over: SceneItem[] = []
  const noteParts = new Map<NoteId, SceneItem[]>()
  for (const item of scene.items) {
    if (item.layer === 'notes' && item.record) {
      const id = item.record as NoteId
      const parts = noteParts.get(id)
      if (parts) parts.push(item)
      else noteParts.set(id, [item])
    } else if (item.layer === 'connectors') over.push(item)
    else grid.push(item)
  }
  // A content lane's text (chips, metrics, text blocks, badges) is a P in its stage's section, under
  // its lane; an emotion curve is one Figure per persona, read as its alt text.
  const figures = new Map<string, StructNode>()
  const figureOf = (alt: string): StructNode => {
    let figure = figures.get(alt)
    if (!figure) {
      figure = tree.add(lanesSect, 'Figure', { alt })
      figures.set(alt, figure)
    }
    return figure
  }
  const laneSectIn = (stage: StageSect, lane: LaneId): StructNode => {
    let sect = stage.lanes.get(lane)
    if (!sect) {
      const title = layout.lanes.find((l) => l.id === lane)?.title ?? ''
      sect = tree.add(stage.sect, 'Sect', { title })
      stage.lanes.set(lane, sect)
    }
    return sect
  }
  const noteCell = new Map<NoteId, { stage: StageId | null; row: PageRow }>()
  for (const s of layout.stages)
    for (const l of layout.lanes)
      for (const id of layout.cells.get(cellKey(s.id, l.id)) ?? [])
        noteCell.set(id, { stage: s.id, row: l.id })
  for (const id of layout.cells.get(UNSORTED_CELL) ?? []) noteCell.set(id, { stage: null, row: 'unsorted' })

  const taggedHeaders = new Set<string>()
  const firstPageOf = new Map<StageId, DrawnPage>()
  const counts = [
    count(layout.notes.size, 'note'),
    count(layout.stages.length, 'stage'),
    count(layout.lanes.length, 'lane'),
  ].join(' · ')
  let drawn = 0
  let firstMapPage: DrawnPage | undefined

  for (const scenePage of paged) {
    const at = pages.add(frame.width, frame.height)
    firstMapPage ??= at
    const { painter } = at
    // The title band: the document's H1 on the first map page when there is no cover.
    const countsW = fonts.regular.measure(counts, META_PT)
    const titleLine = pages.fitLine(
      fonts.bold,
      TITLE_PT,
      scene.title,
      frame.width - 2 * MARGIN_PT - countsW - 24,
    )
    const baseline = MARGIN_PT + TITLE_PT
    const h1 = scenePage.index === 0 ? structure.title : undefined
    pages.line(at, fonts.bold, TITLE_PT, MARGIN_PT, baseline, titleLine, INK, h1)
    pages.line(at, fonts.regular, META_PT, frame.width - MARGIN_PT - countsW, baseline, counts, MUTED)
    for (const id of scenePage.stages) if (!firstPageOf.has(id)) firstPageOf.set(id, at)

    const rows = new Set(scenePage.rows)
    const stagesHere = new Set(scenePage.stages)
    let artifact = false
    const toArtifact = () => {
      if (!artifact) painter.beginArtifact()
      artifact = true
    }
    const endArtifact = () => {
      if (artifact) painter.endMarked()
      artifact = false
    }
    const tagged = (element: StructNode, item: SceneItem) => {
      endArtifact()
      painter.beginTagged(element.type, tree.mcid(at.page, element))
      paintItem(painter, item)
      painter.endMarked()
    }
    /** A content lane's item: its figure's, its cell's paragraph, or an artifact (cell shapes, lines). */
    const paintContent = (item: SceneItem) => {
      if (item.figure !== undefined) {
        // One Figure per persona's curve; its pieces on several pages are all its content.
        tagged(figureOf(item.figure), item)
        return
      }
      const stage = item.stage ? stageSects.get(item.stage) : undefined
      const isText = item.kind === 'text' || item.kind === 'badge'
      if (isText && stage && item.record && stagesHere.has(item.stage as StageId)) {
        const paragraph = tree.add(laneSectIn(stage, item.record as LaneId), 'P')
        if (item.kind === 'text') {
          endArtifact()
          painter.beginTagged('P', tree.mcid(at.page, paragraph))
          const lines = painter.text(item)
          painter.endMarked()
          tree.setActualText(paragraph, lines.join(' '))
        } else {
          tagged(paragraph, item)
          tree.setActualText(paragraph, item.text)
        }
        return
      }
      toArtifact()
      paintItem(painter, item)
    }
    const headerElement = (item: TextItem): StructNode | undefined => {
      const key = item.record ?? (item.text === UNSORTED_TITLE ? 'unsorted-title' : 'unsorted-caption')
      if (taggedHeaders.has(key)) return undefined
      const element = item.record
        ? (stageSects.get(item.record as StageId)?.heading ?? laneTitles.get(item.record as LaneId))
        : item.text === UNSORTED_TITLE
          ? unsorted?.heading
          : unsorted?.caption
      if (element) taggedHeaders.add(key)
      return element
    }

    for (const [v, pageView] of scenePage.views.entries()) {
      painter.save()
      painter.clip(pageView.clip)
      painter.transform(pageView.transform)
      for (const item of grid) {
        if (!intersects(itemBounds(item), pageView.board)) continue
        if (item.layer === 'content') {
          paintContent(item)
          continue
        }
        const element = item.kind === 'text' ? headerElement(item) : undefined
        if (element) tagged(element, item)
        else {
          toArtifact()
          paintItem(painter, item)
        }
      }
      if (v === 0) {
        const ids: NoteId[] = []
        for (const s of scenePage.stages)
          for (const r of scenePage.rows)
            if (r !== 'unsorted') ids.push(...(layout.cells.get(cellKey(s, r)) ?? []))
        if (rows.has('unsorted')) ids.push(...(layout.cells.get(UNSORTED_CELL) ?? []))
        for (const id of ids) {
          const box = layout.notes.get(id)
          if (!box || !intersects(box, pageView.board)) continue
          const where = noteCell.get(id)
          // An Unsorted note belongs to the page that shows its left edge, so it is tagged once.
          if (where?.stage === null && box.x < pageView.board.x) continue
          const parent = where?.stage && stagesHere.has(where.stage) ? stageSects.get(where.stage) : undefined
          let section = unsorted?.sect
          if (parent && where) {
            let lane = parent.lanes.get(where.row)
            if (!lane) {
              const title = layout.lanes.find((l) => l.id === where.row)?.title ?? ''
              lane = tree.add(parent.sect, 'Sect', { title })
              parent.lanes.set(where.row, lane)
            }
            section = lane
          }
          const paragraph = section ? tree.add(section, 'P') : undefined
          const ref = cut.get(id)
          // The kind's word, the body and a quote's source are one paragraph, read in that order.
          const said: string[] = []
          for (const item of noteParts.get(id) ?? []) {
            if (item.kind === 'text' && paragraph) {
              endArtifact()
              painter.beginTagged('P', tree.mcid(at.page, paragraph))
              said.push(painter.text(item).join(' '))
              painter.endMarked()
            } else {
              toArtifact()
              paintItem(painter, item)
            }
          }
          if (paragraph && said.length) {
            const text = said.join(' ')
            tree.setActualText(paragraph, ref === undefined ? text : `${text} [${ref}]`)
          }
          if (ref !== undefined) {
            const marker = referenceMarker(box, ref, noteParts.get(id))
            if (paragraph) tagged(paragraph, marker)
            else paintItem(painter, marker)
          }
          drawn++
          if (pause && drawn % BATCH === 0) {
            endArtifact()
            painter.flush()
            await pause(drawn)
          }
        }
      }
      // Connectors run over the notes they join.
      for (const item of over) {
        if (!intersects(itemBounds(item), pageView.board)) continue
        toArtifact()
        paintItem(painter, item)
      }
      endArtifact()
      painter.restore()
    }
  }
  return {
    title: 'Map',
    page: ((firstMapPage ?? pages.pages[0]) as DrawnPage).page,
    top: 0,
    children: layout.stages.flatMap((s) => {
      const at = firstPageOf.get(s.id)
      return at ? [{ title: s.title, page: at.page, top: frame.content.y }] : []
    }),
  }
}

/** "[3]" in a cut note's bottom-right corner, in its text's ink: where its full text is in the appendix. */
function referenceMarker(box: Rect, ref: number, parts: readonly SceneItem[] | undefined): TextItem {
  const text = parts?.flatMap((p) => primitivesOf(p)).find((p) => p.kind === 'text')
  return {
    kind: 'text',
    layer: 'notes',
    x: box.x + 4,
    y: box.y + box.h - 13,
    w: box.w - 10,
    h: 12,
    text: `[${ref}]`,
    color: text?.kind === 'text' ? text.color : noteInk('gray').text,
    fontSize: 10,
    fontWeight: 700,
    lineHeight: 1.1,
    letterSpacing: 0,
    align: 'right',
    verticalAlign: 'top',
    wrap: 'none',
    ellipsis: false,
  }
}
