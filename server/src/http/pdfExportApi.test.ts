import { describe, expect, it } from 'vitest'
import { createNote, readBoard } from '../../../shared/src/board/schema'
import { keysBetween } from '../../../shared/src/order'
import { pdfInfo, pdfText } from '../../../shared/src/pdf/testing/poppler'
import { testScope } from '../testing/testScope'
import { createBoard, synced, waitFor } from '../testing/testServer'

/** GET /api/boards/<id>/export.pdf over real HTTP: the PDF, its name, and the boards API's access rules. */

const scope = testScope()

const exportPdf = (httpUrl: string, id: string, token?: string, query = '') =>
  fetch(
    `${httpUrl}/api/boards/${id}/export.pdf${query}`,
    token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  )

describe('PDF export endpoint', () => {
  it('exports what was edited live, named after the board, with an edit or a view token', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl, { title: 'Café «Ωmega» / Q4' })
    const alice = scope.client(t, board.id, board.editToken)
    await synced(alice)
    const { stages, lanes } = readBoard(alice.doc)
    createNote(alice.doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Привет from the workshop' })
    await waitFor(
      async () => (await t.store.loadUpdates(board.id, 'content')).length > 1,
      'the note to be stored',
    )

    for (const token of [board.editToken, board.viewToken]) {
      const res = await exportPdf(t.httpUrl, board.id, token)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Caf_ __mega_ Q4.pdf"; filename*=UTF-8''Caf%C3%A9%20%C2%AB%CE%A9mega%C2%BB%20Q4.pdf`,
      )
      const bytes = new Uint8Array(await res.arrayBuffer())
      const text = pdfText(bytes)
      expect(text).toContain('Привет from the')
      expect(text).toContain('AWARENESS')
      expect(pdfInfo(bytes)).toMatchObject({ pages: 1, title: 'Café «Ωmega» / Q4' })
    }
  })

  it('exports A4 stage pages with a cover and insights, and answers 400 naming a bad parameter', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl, { title: 'Paged' })
    const alice = scope.client(t, board.id, board.editToken)
    await synced(alice)
    const { stages, lanes } = readBoard(alice.doc)
    stages.forEach((s, i) => {
      createNote(alice.doc, { stageId: s.id, laneId: lanes[i % lanes.length]!.id, text: `Καλημέρα ${i}` })
    })
    await waitFor(
      async () => (await t.store.getBoard(board.id))?.noteCount === stages.length,
      'the notes to be stored',
    )
    const res = await exportPdf(
      t.httpUrl,
      board.id,
      board.viewToken,
      '?page=A4&layout=stages&cover=1&insights=1&lang=el',
    )
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const info = pdfInfo(bytes)
    expect(info).toMatchObject({ tagged: true, widthPt: 841.89, heightPt: 595.28 })
    expect(info.pages).toBeGreaterThan(3)
    const text = pdfText(bytes)
    for (let i = 0; i < stages.length; i++) expect(text).toContain(`Καλημέρα ${i}`)
    expect(text).toContain('Notes per lane kind and stage')
    expect(text).toContain(`page ${info.pages} of ${info.pages}`)

    for (const [query, error] of [
      ['?page=A5', /^page: must be one of/],
      ['?layout=tiles', /^layout: /],
      ['?cover=yes', /^cover: /],
      ['?insight=1', /^insight: unknown parameter/],
    ] as const) {
      const bad = await exportPdf(t.httpUrl, board.id, board.editToken, query)
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: string }).error).toMatch(error)
    }
    // Access is checked first: a bad token with a bad parameter is still 401.
    expect((await exportPdf(t.httpUrl, board.id, 'x'.repeat(43), '?page=A5')).status).toBe(401)
  })

  it('exports the whole board as SVG under the same rules, and refuses parameters', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl, { title: 'Vector «board»' })
    const alice = scope.client(t, board.id, board.editToken)
    await synced(alice)
    const { stages, lanes } = readBoard(alice.doc)
    createNote(alice.doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Привет & <hi>' })
    await waitFor(async () => (await t.store.getBoard(board.id))?.noteCount === 1, 'the note to be stored')
    const get = (token?: string, query = '') =>
      fetch(
        `${t.httpUrl}/api/boards/${board.id}/export.svg${query}`,
        token ? { headers: { Authorization: `Bearer ${token}` } } : {},
      )
    const res = await get(board.viewToken)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('filename="Vector _board_.svg"')
    const svg = await res.text()
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('<title>Vector «board»</title>')
    expect(svg).toContain('>Привет &amp; &lt;hi&gt;</text>')
    expect((await get()).status).toBe(401)
    const bad = await get(board.editToken, '?page=A4')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ error: 'page: export.svg takes no parameters' })
  })

  it('answers 404 for an unknown board and 401 for a missing or wrong token, as GET /api/boards/<id> does', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    const unknown = await exportPdf(t.httpUrl, 'AAAAAAAAAAAAAAAAAAAAAA', board.editToken)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: 'unknown board "AAAAAAAAAAAAAAAAAAAAAA"' })
    expect((await exportPdf(t.httpUrl, board.id)).status).toBe(401)
    const wrong = await exportPdf(t.httpUrl, board.id, 'x'.repeat(43))
    expect(wrong.status).toBe(401)
    expect((await wrong.json()) as object).toHaveProperty('error')
    const post = await fetch(`${t.httpUrl}/api/boards/${board.id}/export.pdf`, { method: 'POST' })
    expect(post.status).toBe(405)
  })

  it('renders in a worker: sync stays live, and exports past the queue get 503 with Retry-After', async () => {
    const t = await scope.start({ config: { maxConcurrentPdfExports: 1, maxQueuedPdfExports: 0 } })
    const board = await createBoard(t.httpUrl)
    const alice = scope.client(t, board.id, board.editToken)
    await synced(alice)
    const { stages, lanes } = readBoard(alice.doc)
    const orders = keysBetween(null, null, 2_000)
    alice.doc.transact(() => {
      orders.forEach((order, i) => {
        createNote(alice.doc, {
          stageId: stages[i % 6]!.id,
          laneId: lanes[i % 5]!.id,
          order,
          text: `Note ${i}`,
        })
      })
    })
    await waitFor(
      async () => (await t.store.getBoard(board.id))!.noteCount === 2_000,
      '2,000 notes stored',
      20_000,
    )

    // Event-loop lag sampled while three exports are asked for at once.
    let worstLagMs = 0
    let last = performance.now()
    const probe = setInterval(() => {
      const now = performance.now()
      worstLagMs = Math.max(worstLagMs, now - last - 5)
      last = now
    }, 5)
    const results = await Promise.all([1, 2, 3].map(() => exportPdf(t.httpUrl, board.id, board.editToken)))
    clearInterval(probe)
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 503, 503])
    const busy = results.find((r) => r.status === 503)!
    expect(busy.headers.get('retry-after')).toBe('5')
    expect(((await busy.json()) as { error: string }).error).toMatch(/too many PDF exports/)
    const ok = results.find((r) => r.status === 200)!
    expect(pdfText(new Uint8Array(await ok.arrayBuffer()))).toContain('Note 1999')
    // Rendering 2,000 notes takes ~0.5 s of CPU; on the main thread that would all be lag.
    expect(worstLagMs).toBeLessThan(200)
  })
})
