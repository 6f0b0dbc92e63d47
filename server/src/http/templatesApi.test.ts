import { beforeEach, describe, expect, it } from 'vitest'
import { readBoard } from '../../../shared/src/board/schema'
import { exportBoardJson } from '../../../shared/src/exchange/json'
import { richBoard } from '../../../shared/src/scene/testing/richBoard'
import { TEMPLATE_IDS } from '../../../shared/src/templates/template'
import { importBoard } from '../testing/createBoard'
import { testScope } from '../testing/testScope'
import { createBoard, storedDoc, type TestServer } from '../testing/testServer'

// GET/POST /api/templates and POST /api/boards from a saved template, on a real server and SQLite file.

const scope = testScope()
let t: TestServer
beforeEach(async () => {
  t = await scope.start({ config: { maxSavedTemplates: 3 } })
})

interface Summary {
  id: string
  title: string
  description: string
}

async function listed(): Promise<Summary[]> {
  const res = await fetch(`${t.httpUrl}/api/templates`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { templates: Summary[] }).templates
}

const save = (body: unknown, token?: string) =>
  fetch(`${t.httpUrl}/api/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

const createFrom = (template: string) =>
  fetch(`${t.httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'From template', template }),
  })

/** A board with notes, chips, scores, values and connectors, made through the import endpoint. */
const richOnServer = () => importBoard(t.httpUrl, exportBoardJson(richBoard().doc))

const structure = (board: ReturnType<typeof readBoard>) => ({
  stages: board.stages.map((s) => s.title),
  lanes: board.lanes.map((l) => [l.title, l.kind, l.metricName ?? null]),
  personas: board.personas.map((p) => p.name),
  tags: board.tags.map((tag) => tag.name),
})

describe('templates API', () => {
  it('lists the built-in templates, each with a title and description; each creates a board', async () => {
    const templates = await listed()
    expect(templates.map((x) => x.id)).toEqual([...TEMPLATE_IDS])
    for (const template of templates) {
      expect(Object.keys(template).sort()).toEqual(['description', 'id', 'title'])
      const res = await createFrom(template.id)
      expect(res.status, template.id).toBe(201)
      const { id } = (await res.json()) as { id: string }
      const board = readBoard(await storedDoc(t.store, id))
      expect(board.title).toBe('From template')
      if (template.id === 'customer-lifecycle') {
        const kinds = board.lanes.map((l) => l.kind)
        expect(kinds).toContain('emotion-curve')
        expect(kinds).toContain('channels')
      }
    }
  })

  it("saves a board's structure (not its content) as a template, lists it last, and creates from it", async () => {
    const source = await richOnServer()
    const res = await save(
      { boardId: source.id, title: '  Rich journey shape ', description: 'Four stages, every lane kind' },
      source.editToken,
    )
    expect(res.status).toBe(201)
    const saved = (await res.json()) as Summary
    expect(saved).toEqual({
      id: expect.stringMatching(/^saved-[A-Za-z0-9_-]{16}$/),
      title: 'Rich journey shape',
      description: 'Four stages, every lane kind',
    })
    const templates = await listed()
    expect(templates.at(-1)).toEqual(saved)
    expect(templates.slice(0, -1).map((x) => x.id)).toEqual([...TEMPLATE_IDS])

    const created = await createFrom(saved.id)
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const sourceBoard = readBoard(await storedDoc(t.store, source.id))
    const board = readBoard(await storedDoc(t.store, id))
    expect(structure(board)).toEqual(structure(sourceBoard))
    expect(sourceBoard.notes.length).toBeGreaterThan(0)
    expect([board.notes, board.chips, board.scores, board.metricValues, board.connectors]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ])
    expect((await storedDoc(t.store, id)).getMap('meta').get('template')).toBe(saved.id)
  })

  it('saves with the facilitator link too', async () => {
    const board = await createBoard(t.httpUrl, { template: 'service-blueprint' })
    const res = await save({ boardId: board.id, title: 'Blueprint' }, board.facilitatorToken)
    expect(res.status).toBe(201)
    expect(((await res.json()) as Summary).description).toBe('')
  })

  it.each([
    ['no token', undefined, 401, /send Authorization: Bearer/],
    ['a wrong token', 'x'.repeat(43), 401, /send Authorization: Bearer/],
    ['the view link', 'view', 403, /view link cannot save/],
  ])('refuses %s and stores nothing', async (_what, token, status, message) => {
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const res = await save({ boardId: board.id, title: 'T' }, token === 'view' ? board.viewToken : token)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: string }).error).toMatch(message)
    expect(await t.store.listTemplates()).toEqual([])
  })

  it.each([
    ['a missing title', (id: string) => ({ boardId: id }), /title: expected a string of 1 to 80/],
    ['a blank title', (id: string) => ({ boardId: id, title: '  ' }), /title: expected a string of 1 to 80/],
    ['a title over 80', (id: string) => ({ boardId: id, title: 'x'.repeat(81) }), /title: /],
    [
      'a description over 300',
      (id: string) => ({ boardId: id, title: 'T', description: 'x'.repeat(301) }),
      /description: expected a string of at most 300/,
    ],
    ['no board id', () => ({ title: 'T' }), /boardId: expected the id of the board/],
    [
      'an unknown field',
      (id: string) => ({ boardId: id, title: 'T', notes: true }),
      /unrecognized key\(s\) "notes"/,
    ],
  ])('answers 400 for %s, naming it, and stores nothing', async (_what, body, message) => {
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const res = await save(body(board.id), board.editToken)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(message)
    expect(await t.store.listTemplates()).toEqual([])
  })

  it('answers 404 naming an unknown board', async () => {
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const res = await save({ boardId: 'A'.repeat(22), title: 'T' }, board.editToken)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: string }).error).toBe(`unknown board "${'A'.repeat(22)}"`)
  })

  it('stops at the most saved templates the server keeps, with a 507 that says so', async () => {
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    for (let i = 0; i < 3; i++)
      expect((await save({ boardId: board.id, title: `T${i}` }, board.editToken)).status).toBe(201)
    const res = await save({ boardId: board.id, title: 'One too many' }, board.editToken)
    expect(res.status).toBe(507)
    expect(((await res.json()) as { error: string }).error).toMatch(/already keeps 3 saved templates/)
    expect((await listed()).map((x) => x.title)).not.toContain('One too many')
  })

  it('answers 400 naming a saved template id that does not exist, and creates no board', async () => {
    const before = (await t.store.listBoards()).length
    const res = await createFrom('saved-AAAAAAAAAAAAAAAA')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toBe(
      'template: unknown template "saved-AAAAAAAAAAAAAAAA" (GET /api/templates lists them)',
    )
    expect(await t.store.listBoards()).toHaveLength(before)
  })

  it('checks a saved body again on use: a damaged row makes no board and names what is wrong', async () => {
    await t.store.createTemplate(
      {
        id: 'saved-BBBBBBBBBBBBBBBB',
        title: 'Damaged',
        description: '',
        createdAt: 1,
        body: JSON.stringify({
          format: 'journeyboard-template',
          version: 1,
          stages: [{ id: 'stage:a' }],
          lanes: [],
          personas: [],
          tags: [],
        }),
      },
      10,
    )
    const before = (await t.store.listBoards()).length
    const res = await createFrom('saved-BBBBBBBBBBBBBBBB')
    expect(res.status).toBe(500)
    expect(((await res.json()) as { error: string }).error).toMatch(
      /^saved template "saved-BBBBBBBBBBBBBBBB" is damaged and cannot be used: .*stages\[0\]\.title/,
    )
    expect(await t.store.listBoards()).toHaveLength(before)
  })

  it('allows only GET and POST', async () => {
    const res = await fetch(`${t.httpUrl}/api/templates`, { method: 'DELETE' })
    expect(res.status).toBe(405)
  })
})
