import * as z from 'zod/mini'
import { invalidBodyMessage } from './invalidBody'

// The body of `POST /api/boards/known`: the board links a browser holds, `{ boards: [{ id, token }] }`,
// at most `maxBoards` of them. Ids and tokens are only checked for being strings here: a malformed one
// is simply a link that does not work, answered like any other (`unavailable`).

export interface KnownBoardLink {
  id: string
  token: string
}

export type ParsedKnownBoards = { ok: true; value: KnownBoardLink[] } | { ok: false; error: string }

const link = z.strictObject({
  id: z.string({ error: 'expected a string' }).check(z.maxLength(200)),
  token: z.string({ error: 'expected a string' }).check(z.maxLength(200)),
})

export function parseKnownBoardsBody(body: unknown, maxBoards: number): ParsedKnownBoards {
  const schema = z.strictObject({
    boards: z.array(link).check(z.maxLength(maxBoards, { error: `expected at most ${maxBoards} boards` })),
  })
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, value: parsed.data.boards }
  return { ok: false, error: invalidBodyMessage(parsed.error) }
}
