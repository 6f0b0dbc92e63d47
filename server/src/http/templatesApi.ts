// /api/templates: the templates a board can be made from (the built-ins, then those saved from
// boards), and saving a board's structure as a new one. The list is public like the built-ins are:
// a saved template holds a board's stages, lanes, personas and tags, never its notes or values, and
// docs say so. Saving needs the board's edit or facilitator link (a viewer may not copy a board into
// something that outlives its links), is rate-limited with board creation (each is a lasting row),
// and stops at maxSavedTemplates with a 507 that says so.
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { readBoard } from '../../../shared/src/board/schema'
import { importErrorMessage } from '../../../shared/src/exchange/json'
import { templateSummaries } from '../../../shared/src/templates/applyTemplate'
import { parseSavedTemplateBody, templateBodyFromBoard } from '../../../shared/src/templates/savedTemplate'
import { clientIp } from '../limits/clientIp'
import { authenticate, claimFromHttpRequest } from '../permissions/authenticate'
import { contentDocument } from '../permissions/documents'
import { describeStoreFailure } from '../storage/storeFailure'
import { type BoardsApiDeps, diskFullMessage, httpRefusal } from './boardsApi'
import { readJsonBody, sendJson } from './json'
import { newSavedTemplateId } from './savedTemplateId'
import { parseSaveTemplateBody } from './saveTemplateBody'

/** Persona photos are most of a template's size; a board past this would make a row nobody should load. */
export const maxTemplateBodyBytes = 2 * 1024 * 1024

export async function listTemplates(deps: BoardsApiDeps, res: ServerResponse) {
  const saved = await deps.store.listTemplates()
  sendJson(res, 200, {
    templates: [
      ...templateSummaries(),
      ...saved.map(({ id, title, description }) => ({ id, title, description })),
    ],
  })
}

export async function saveTemplate(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse) {
  const allowed = deps.createLimit.take(clientIp(req, deps.trustProxyHops))
  if (!allowed.ok) {
    res.setHeader('Retry-After', String(allowed.retryAfterSeconds))
    return sendJson(res, 429, {
      error: `too many boards and templates created from this address; try again in ${allowed.retryAfterSeconds} s`,
    })
  }
  const body = await readJsonBody(req, deps.maxJsonBodyBytes)
  if (!body.ok) return sendJson(res, body.status, { error: body.error })
  const parsed = parseSaveTemplateBody(body.value)
  if (!parsed.ok) return sendJson(res, 400, { error: parsed.error })
  const { boardId, title, description } = parsed.value

  const auth = await authenticate(deps, claimFromHttpRequest(req, boardId))
  if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, boardId) })
  if (auth.access.role === 'view') {
    return sendJson(res, 403, {
      error: "a view link cannot save the board as a template; use the board's edit or facilitator link",
    })
  }

  const doc = new Y.Doc()
  const updates = await deps.store.loadUpdates(boardId, contentDocument)
  Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => u.update)))
  const templateBody = templateBodyFromBoard(readBoard(doc))
  doc.destroy()
  // The readers repaired what they read, so this holds unless readers and parsers disagree: then
  // nothing is stored that would fail when used.
  const checked = parseSavedTemplateBody(templateBody)
  if (!checked.ok) {
    return sendJson(res, 422, {
      error: `the board's structure cannot be saved as a template: ${importErrorMessage(checked.errors)}`,
    })
  }
  const json = JSON.stringify(checked.value)
  if (Buffer.byteLength(json) > maxTemplateBodyBytes) {
    return sendJson(res, 413, {
      error: `the board's structure is ${Math.ceil(Buffer.byteLength(json) / 1024)} KiB as a template, over the ${maxTemplateBodyBytes / 1024} KiB a template may hold (persona photos take the most room)`,
    })
  }

  const record = { id: newSavedTemplateId(), title, description, createdAt: deps.now(), body: json }
  let stored: boolean
  try {
    stored = await deps.store.createTemplate(record, deps.maxSavedTemplates)
  } catch (error) {
    const failure = describeStoreFailure(error)
    if (failure.kind !== 'disk full') throw error // a logged 500 (requestHandler)
    deps.log.error(
      { err: error, storeFailure: failure.kind, action: failure.action },
      'saving a template failed',
    )
    return sendJson(res, 507, { error: diskFullMessage })
  }
  if (!stored) {
    deps.log.warn(
      { max: deps.maxSavedTemplates },
      'saved template refused: the server holds the most it keeps',
    )
    return sendJson(res, 507, {
      error: `this server already keeps ${deps.maxSavedTemplates} saved templates, the most it holds; ask its operator to remove some`,
    })
  }
  deps.log.info({ templateId: record.id, boardId, by: auth.access.role }, 'template saved')
  sendJson(res, 201, { id: record.id, title, description })
}
