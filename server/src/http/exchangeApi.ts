// The board as data: GET /api/boards/<id>/export.json and export.csv (any role, like the PDF), and
// POST /api/boards/import, which makes a NEW board from a JSON export and answers like POST /api/boards.
// Exports are built from the content document's stored updates (everything anyone has seen: the server
// stores before it relays) and the shared exchange module (shared/src/exchange), the same code a test
// round-trips. An import is checked whole before anything is stored: a broken file is a 400 whose
// `error` names every problem and where (`notes[12].stageId: unknown stage`), and creates nothing.
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import { exportBoardCsv } from '../../../shared/src/exchange/csvExport'
import { exportContentDisposition } from '../../../shared/src/exchange/fileName'
import { exportBoardJson, importBoardJson, importErrorMessage } from '../../../shared/src/exchange/json'
import { dotCounts, readVote } from '../../../shared/src/facilitation/vote'
import { clientIp } from '../limits/clientIp'
import { authenticate, claimFromHttpRequest } from '../permissions/authenticate'
import { contentDocument } from '../permissions/documents'
import { type BoardsApiDeps, httpRefusal, storeNewBoard } from './boardsApi'
import { readJsonBody, sendJson } from './json'

export interface ExchangeDeps extends BoardsApiDeps {
  maxImportBytes: number
  /** A board larger than this (its encoded state) is refused: it could not be edited afterwards either. */
  maxDocBytes: number
}

/** The board's content document, rebuilt from its stored updates; undefined once it answered a refusal. */
async function loadBoard(deps: ExchangeDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const auth = await authenticate(deps, claimFromHttpRequest(req, id))
  if (!auth.ok) {
    sendJson(res, auth.status, { error: httpRefusal(auth, id) })
    return undefined
  }
  const doc = new Y.Doc()
  const updates = await deps.store.loadUpdates(id, contentDocument)
  Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => u.update)))
  return doc
}

/** Each note's dots in the board's vote, once revealed (the facilitation document); none before. */
async function revealedVotes(deps: ExchangeDeps, id: string): Promise<Map<string, number> | undefined> {
  const updates = await deps.store.loadUpdates(id, 'facilitation')
  if (updates.length === 0) return undefined
  const facilitation = new Y.Doc()
  Y.applyUpdate(facilitation, Y.mergeUpdates(updates.map((u) => u.update)))
  const vote = readVote(facilitation)
  facilitation.destroy()
  return vote?.state === 'revealed' ? dotCounts(vote.results) : undefined
}

function sendFile(res: ServerResponse, type: string, title: string, extension: 'json' | 'csv', body: string) {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Disposition': exportContentDisposition(title, extension),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

export async function exportJson(deps: ExchangeDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const doc = await loadBoard(deps, req, res, id)
  if (!doc) return
  const json = exportBoardJson(doc)
  doc.destroy()
  sendFile(res, 'application/json; charset=utf-8', json.title, 'json', `${JSON.stringify(json, null, 2)}\n`)
}

export async function exportCsv(deps: ExchangeDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const doc = await loadBoard(deps, req, res, id)
  if (!doc) return
  const title = readBoardSummary(doc).title
  const csv = exportBoardCsv(doc, await revealedVotes(deps, id))
  doc.destroy()
  sendFile(res, 'text/csv; charset=utf-8; header=present', title, 'csv', csv)
}

export async function importBoard(deps: ExchangeDeps, req: IncomingMessage, res: ServerResponse) {
  // Rate-limited with board creation: an import is a new board.
  const allowed = deps.createLimit.take(clientIp(req, deps.trustProxyHops))
  if (!allowed.ok) {
    res.setHeader('Retry-After', String(allowed.retryAfterSeconds))
    return sendJson(res, 429, {
      error: `too many boards created from this address; try again in ${allowed.retryAfterSeconds} s`,
    })
  }
  const body = await readJsonBody(req, deps.maxImportBytes)
  if (!body.ok) return sendJson(res, body.status, { error: body.error })
  const imported = importBoardJson(body.value)
  if (!imported.ok) return sendJson(res, 400, { error: importErrorMessage(imported.errors) })
  const update = Y.encodeStateAsUpdate(imported.doc)
  const summary = readBoardSummary(imported.doc)
  imported.doc.destroy()
  if (update.byteLength > deps.maxDocBytes) {
    return sendJson(res, 413, { error: `the board would be larger than ${deps.maxDocBytes} bytes` })
  }
  const created = await storeNewBoard(deps, res, summary, update)
  if (!created) return
  deps.log.info(
    { boardId: created.id, fromSchema: imported.from, notes: summary.noteCount },
    'board imported',
  )
  sendJson(res, 201, created)
}
