import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard, readLanes, readStages } from '../board/schema'
import { applyTemplate } from '../templates/applyTemplate'
import { CSV_COLUMNS, parseCsv, toCsv } from './csv'
import { exportBoardCsv } from './csvExport'
import { applyCsvImport, planCsvImport } from './csvImport'

const awkward = [
  'plain',
  'a, comma',
  'a "quoted" word',
  'two\nlines',
  'crlf\r\ninside',
  'Ñandú, café — «ελληνικά» и кириллица',
  '',
  '"',
  ' leading and trailing spaces ',
]

function boardWith(texts: readonly string[]): Y.Doc {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'CSV' })
  const stages = readStages(doc)
  const lanes = readLanes(doc)
  texts.forEach((text, i) => {
    createNote(doc, { stageId: stages[i % stages.length]!.id, laneId: lanes[i % lanes.length]!.id, text })
  })
  return doc
}

describe('CSV', () => {
  it('writes RFC 4180 with a BOM and CRLF, and reads back exactly what it wrote', () => {
    const rows = [['a', 'b'], ...awkward.map((t) => [t, 'x'])]
    const csv = toCsv(rows)
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true)
    expect(csv).toContain('"a ""quoted"" word",x\r\n')
    expect(csv).toContain('"two\nlines",x')
    const back = parseCsv(csv)
    // The empty-text row reads back as ['', 'x'] (not dropped: it has two fields).
    expect(back).toEqual({ ok: true, rows })
  })

  it('refuses malformed quoting, naming the line', () => {
    expect(parseCsv('a,b\r\n"open,x\r\n')).toEqual({
      ok: false,
      error: 'line 2: a quoted field is not closed',
    })
    expect(parseCsv('a,b\nx"y,z\n')).toEqual({ ok: false, error: 'line 2: a quote inside an unquoted field' })
  })

  it('exports one row per note in board order with the documented columns', () => {
    const doc = boardWith(awkward)
    const parsed = parseCsv(exportBoardCsv(doc))
    if (!parsed.ok) throw new Error(parsed.error)
    const [header, ...rows] = parsed.rows
    expect(header).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(awkward.length)
    expect(rows.map((r) => r[3]).sort()).toEqual([...awkward].sort())
    const board = readBoard(doc)
    const stageOrder = board.stages.map((s) => s.title)
    const positions = rows.map((r) => stageOrder.indexOf(r[0]!))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    for (const row of rows) expect(row[8]).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('names the author who made the note', () => {
    const doc = boardWith([])
    createNote(doc, {
      stageId: readStages(doc)[0]!.id,
      laneId: readLanes(doc)[0]!.id,
      text: 'x',
      createdBy: 'Ana',
    })
    const parsed = parseCsv(exportBoardCsv(doc))
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.rows[1]?.[CSV_COLUMNS.indexOf('author')]).toBe('Ana')
  })

  it('round-trips: a board imported from its own CSV into an empty board exports the same rows', () => {
    const source = boardWith(awkward)
    const csv = exportBoardCsv(source)
    const target = new Y.Doc()
    applyTemplate(target, 'blank', { title: 'Empty' })
    const plan = planCsvImport(target, csv)
    if (!plan.ok) throw new Error(plan.error)
    expect(plan.plan.notes).toHaveLength(awkward.length)
    expect(plan.plan.newStages.length).toBeGreaterThan(0)
    applyCsvImport(target, plan.plan)
    const strip = (text: string) => {
      const parsed = parseCsv(text)
      if (!parsed.ok) throw new Error(parsed.error)
      // created differs (new notes); everything else is the same, row for row.
      return parsed.rows.map((r) => [...r.slice(0, 8), r[10]])
    }
    expect(strip(exportBoardCsv(target))).toEqual(strip(csv))
  })

  it('adds to existing stages and lanes by title, creating only the missing ones', () => {
    const doc = boardWith([])
    const stage = readStages(doc)[0]!.title
    const lane = readLanes(doc)[0]!.title
    const csv = `stage,lane,text,kind\n ${stage.toUpperCase()} ,${lane},Into an existing cell,\nNew stage,New lane,Into a new cell,pain-points\nNew stage,new LANE,Same new cell,\n`
    const planned = planCsvImport(doc, csv)
    if (!planned.ok) throw new Error(planned.error)
    expect(planned.plan.newStages).toEqual(['New stage'])
    expect(planned.plan.newLanes).toEqual([{ title: 'New lane', kind: 'pain-points' }])
    const before = { stages: readStages(doc).length, lanes: readLanes(doc).length }
    applyCsvImport(doc, planned.plan)
    expect(readStages(doc)).toHaveLength(before.stages + 1)
    expect(readLanes(doc)).toHaveLength(before.lanes + 1)
    const board = readBoard(doc)
    const newLane = board.lanes.find((l) => l.title === 'New lane')!
    expect(board.notes.filter((n) => n.laneId === newLane.id).map((n) => n.text)).toEqual([
      'Into a new cell',
      'Same new cell',
    ])
    expect(newLane.kind).toBe('pain-points')
  })

  it.each([
    ['no header', '', /empty/],
    ['a header without text', 'stage,lane\nA,B\n', /lacks the column text/],
    ['an empty stage', 'stage,lane,text\n,B,x\n', /row 2: stage is empty/],
    ['no rows', 'stage,lane,text\n', /no notes/],
  ])('refuses %s before anything is written', (_what, csv, message) => {
    const doc = boardWith([])
    const result = planCsvImport(doc, csv)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})
