// The one way tests, e2e specs and benchmarks make a board: POST /api/boards on a running server, as a
// browser's "Create" does. No test-runner import, so Playwright fixtures and `npm run bench` use it too.

import type { CreatedBoard } from '../../../client/src/api/boardsApi'

export type { CreatedBoard }

export interface CreateBoardRequest {
  title?: string
  /** A built-in template id or a saved one's (GET /api/templates). */
  template?: string
}

/** `request` as a string is the title (the customer-lifecycle template, as a browser's default). */
export async function createBoard(
  baseUrl: string,
  request: string | CreateBoardRequest = {},
): Promise<CreatedBoard> {
  const body = typeof request === 'string' ? { title: request, template: 'customer-lifecycle' } : request
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`POST /api/boards → ${res.status}: ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}

/** POST /api/boards/import: a new board from a board's JSON export (shared/src/exchange/json.ts). */
export async function importBoard(baseUrl: string, json: unknown): Promise<CreatedBoard> {
  const res = await fetch(`${baseUrl}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  })
  if (res.status !== 201) throw new Error(`POST /api/boards/import → ${res.status}: ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}
