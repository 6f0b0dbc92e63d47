import * as z from 'zod/mini'
import { invalidBodyMessage } from './invalidBody'

/*
 * The body of `POST /api/templates`: `{ boardId, title: 1..80 chars once trimmed, description?:
 * 0..300 chars once trimmed }`, nothing else. The limits are what the home page's cards can show.
 */

export const maxTemplateTitleChars = 80
export const maxTemplateDescriptionChars = 300

export interface SaveTemplateBody {
  boardId: string
  title: string
  description: string
}

const titleError = `expected a string of 1 to ${maxTemplateTitleChars} characters (trimmed)`
const descriptionError = `expected a string of at most ${maxTemplateDescriptionChars} characters (trimmed)`
const boardIdError = "expected the id of the board to save (the board's link names it: /b/<id>)"

const saveTemplateBody = z.strictObject(
  {
    boardId: z.string({ error: boardIdError }).check(z.minLength(1, { error: boardIdError })),
    title: z
      .string({ error: titleError })
      .check(
        z.trim(),
        z.minLength(1, { error: titleError }),
        z.maxLength(maxTemplateTitleChars, { error: titleError }),
      ),
    description: z.optional(
      z
        .string({ error: descriptionError })
        .check(z.trim(), z.maxLength(maxTemplateDescriptionChars, { error: descriptionError })),
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected an object') },
)

export type ParsedSaveTemplateBody = { ok: true; value: SaveTemplateBody } | { ok: false; error: string }

export function parseSaveTemplateBody(body: unknown): ParsedSaveTemplateBody {
  const parsed = saveTemplateBody.safeParse(body)
  if (!parsed.success) return { ok: false, error: invalidBodyMessage(parsed.error) }
  const { boardId, title, description } = parsed.data
  return { ok: true, value: { boardId, title, description: description ?? '' } }
}
