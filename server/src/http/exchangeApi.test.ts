import { describe, expect, it } from 'vitest'
import { createNote, readBoard } from '../../../shared/src/board/schema'
import { parseCsv } from '../../../shared/src/exchange/csv'
import { testScope } from '../testing/testScope'
import { connectClient, createBoard, synced } from '../testing/testServer'

// JSON and CSV over real HTTP: export from what the server stored, import as a new board, and every
// broken import refused with 400 naming where, with nothing created.

const scope = testScope()
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

async function boardWithNotes(t: { httpUrl: string; wsUrl: string }) {
  const board = await createBoard(t.httpUrl, 'Café, "quoted"')
  const client = connectClient(t, board.id, board.editToken)
  await synced(client)
  const content = readBoard(client.doc)
  createNote(client.doc, {
    stageId: content.stages[0]!.id,
    laneId: content.lanes[0]!.id,
    text: 'a, "b"\nc — ñ',
  })
  createNote(client.doc, { stageId: content.stages[1]!.id, laneId: content.lanes[2]!.id, text: 'Ελληνικά' })
  return { board, client }
}

const importJson = (httpUrl: string, body: string) =>
  fetch(`${httpUrl}/api/boards/import`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  })

describe('export.json, export.csv and import', () => {
  it('exports JSON any role may read, imports it as a new board, and exports the same JSON again', async () => {
    const t = await scope.start()
    const { board, client } = await boardWithNotes(t)
    const url = `${t.httpUrl}/api/boards/${board.id}/export.json`
    let json: Record<string, unknown> = {}
    // The notes reach the store just after they are relayed: wait until the export holds both.
    for (let i = 0; i < 50; i++) {
      const res = await fetch(url, { headers: bearer(board.viewToken) })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toContain('.json')
      json = (await res.json()) as Record<string, unknown>
      if ((json.notes as unknown[]).length === 2) break
      await new Promise((r) => setTimeout(r, 20))
    }
    client.destroy()
    expect(json).toMatchObject({ format: 'journeyboard', title: 'Café, "quoted"' })
    expect((json.notes as { text: string }[]).map((n) => n.text).sort()).toEqual([
      'a, "b"\nc — ñ',
      'Ελληνικά',
    ])

    const res = await importJson(t.httpUrl, JSON.stringify(json))
    expect(res.status).toBe(201)
    const created = (await res.json()) as Record<string, string>
    expect(Object.keys(created).sort()).toEqual(
      [
        'editToken',
        'editUrl',
        'facilitatorToken',
        'facilitatorUrl',
        'id',
        'title',
        'viewToken',
        'viewUrl',
      ].sort(),
    )
    expect(created.id).not.toBe(board.id)
    const again = await fetch(`${t.httpUrl}/api/boards/${created.id}/export.json`, {
      headers: bearer(created.editToken!),
    })
    expect(await again.json()).toEqual(json)
    // The board list's summary came from the imported content.
    expect((await t.store.getBoard(created.id!))?.noteCount).toBe(2)
  })

  it('exports CSV with a BOM, the documented columns and one row per note', async () => {
    const t = await scope.start()
    const { board, client } = await boardWithNotes(t)
    let rows: string[][] = []
    for (let i = 0; i < 50 && rows.length !== 3; i++) {
      const res = await fetch(`${t.httpUrl}/api/boards/${board.id}/export.csv`, {
        headers: bearer(board.editToken),
      })
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const parsed = parseCsv(new TextDecoder().decode(bytes))
      if (!parsed.ok) throw new Error(parsed.error)
      rows = parsed.rows
    }
    client.destroy()
    expect(rows[0]!.slice(0, 10)).toEqual([
      'stage',
      'lane',
      'kind',
      'text',
      'tags',
      'severity',
      'votes',
      'author',
      'created',
      'updated',
    ])
    expect(rows.slice(1).map((r) => r[3])).toContain('a, "b"\nc — ñ')
  })

  it('refuses exports without a working token', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    for (const kind of ['json', 'csv']) {
      const url = `${t.httpUrl}/api/boards/${board.id}/export.${kind}`
      expect((await fetch(url)).status).toBe(401)
      expect((await fetch(url, { headers: bearer('wrong') })).status).toBe(401)
      expect((await fetch(url, { method: 'POST', headers: bearer(board.editToken) })).status).toBe(405)
    }
    expect((await fetch(`${t.httpUrl}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/export.json`)).status).toBe(404)
  })

  it.each<[string, (json: Record<string, unknown>) => unknown, number, RegExp]>([
    [
      'an unknown stage',
      (j) => ((j.notes as Record<string, unknown>[])[0]!.stageId = 'stage:gone'),
      400,
      /notes\[0\]\.stageId: unknown stage/,
    ],
    ['a missing format', (j) => delete j.format, 400, /^format: expected "journeyboard"/],
    [
      'a note size out of range',
      (j) => ((j.notes as Record<string, unknown>[])[0]!.h = -1),
      400,
      /notes\[0\]\.h: expected a number/,
    ],
    ['a newer schema', (j) => (j.schemaVersion = 99), 400, /schema 99/],
  ])(
    'refuses an import with %s: %i naming where, and creates nothing',
    async (_what, breakIt, status, message) => {
      const t = await scope.start()
      const board = await createBoard(t.httpUrl)
      const source = (await (
        await fetch(`${t.httpUrl}/api/boards/${board.id}/export.json`, { headers: bearer(board.editToken) })
      ).json()) as Record<string, unknown>
      source.notes = [
        {
          id: 'note:n1',
          stageId: (source.stages as { id: string }[])[0]!.id,
          laneId: (source.lanes as { id: string }[])[0]!.id,
          order: 'V',
          color: 'yellow',
          w: 160,
          h: 110,
          text: 'x',
        },
      ]
      expect((await importJson(t.httpUrl, JSON.stringify(source))).status).toBe(201)
      const before = (await t.store.listBoards()).length
      breakIt(source)
      const res = await importJson(t.httpUrl, JSON.stringify(source))
      expect(res.status).toBe(status)
      expect(((await res.json()) as { error: string }).error).toMatch(message)
      expect(await t.store.listBoards()).toHaveLength(before)
    },
  )

  it('refuses a body that is not JSON, not an object, or too large', async () => {
    const t = await scope.start({ config: { maxImportBytes: 64 * 1024 } })
    const before = (await t.store.listBoards()).length
    const notJson = await importJson(t.httpUrl, '{"format":')
    expect(notJson.status).toBe(400)
    expect((await importJson(t.httpUrl, '[1,2]')).status).toBe(400)
    const big = await importJson(
      t.httpUrl,
      JSON.stringify({ format: 'journeyboard', pad: 'x'.repeat(70_000) }),
    )
    expect(big.status).toBe(413)
    expect((await fetch(`${t.httpUrl}/api/boards/import`)).status).toBe(405)
    expect(await t.store.listBoards()).toHaveLength(before)
  })
})
