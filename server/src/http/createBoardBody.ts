import * as z from 'zod/mini'
import { TEMPLATE_IDS } from '../../../shared/src/templates/template'
import { invalidBodyMessage } from './invalidBody'
import { isSavedTemplateId } from './savedTemplateId'

/*
 * The body of `POST /api/boards`: `{ title?: 1..200 chars once trimmed, template?: a built-in TemplateId
 * or a saved template's id (`saved-…`, which the handler then looks up) }`, nothing else. zod's tree-shakable "mini" build, bundled into the server by esbuild (see `build:server`): the
 * full zod package, loaded from node_modules, costs ~13 MB of RSS in every server process; these
 * 30 KB of bundled code cost about 1 MB.
 */

export interface CreateBoardBody {
  title?: string
  /** A built-in id, or one shaped like a saved template's (it may still not exist). */
  template?: string
}

export const maxTitleChars = 200

const titleError = `expected a string of 1 to ${maxTitleChars} characters (trimmed)`
const templateError = `expected one of ${TEMPLATE_IDS.map((id) => `"${id}"`).join(', ')} or a saved template's id (GET /api/templates lists them)`
/** Names the id it was sent, so a typo is plain to see: `unknown template "kanban" (expected …)`. */
const templateProblem = (issue: { input?: unknown }) =>
  `unknown template ${JSON.stringify(issue.input) ?? String(issue.input)} (${templateError})`
const isTemplateId = (value: string) =>
  (TEMPLATE_IDS as readonly string[]).includes(value) || isSavedTemplateId(value)

const createBoardBody = z.strictObject(
  {
    title: z.optional(
      z
        .string({ error: titleError })
        .check(
          z.trim(),
          z.minLength(1, { error: titleError }),
          z.maxLength(maxTitleChars, { error: titleError }),
        ),
    ),
    template: z.optional(
      z.string({ error: templateProblem }).check(z.refine(isTemplateId, { error: templateProblem })),
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected an object') },
)

export type ParsedBody = { ok: true; value: CreateBoardBody } | { ok: false; error: string }

export function parseCreateBoardBody(body: unknown): ParsedBody {
  const parsed = createBoardBody.safeParse(body)
  if (parsed.success) {
    const value: CreateBoardBody = {}
    if (parsed.data.title !== undefined) value.title = parsed.data.title
    if (parsed.data.template !== undefined) value.template = parsed.data.template
    return { ok: true, value }
  }
  return { ok: false, error: invalidBodyMessage(parsed.error) }
}
