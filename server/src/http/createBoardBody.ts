import { TEMPLATE_IDS, type TemplateId } from '../../../shared/src/templates/template'

/**
 * The body of `POST /api/boards`: `{ title?: 1..200 chars once trimmed, template?: TemplateId }`, nothing
 * else. Checked by hand rather than with a schema library: two fields do not justify the ~3 MB of heap
 * zod adds to every server process.
 */
export interface CreateBoardBody {
  title?: string
  template?: TemplateId
}

export const maxTitleChars = 200

export type ParsedBody = { ok: true; value: CreateBoardBody } | { ok: false; error: string }

export function parseCreateBoardBody(body: unknown): ParsedBody {
  const invalid = (error: string): ParsedBody => ({ ok: false, error: `invalid request body: ${error}` })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('expected an object')
  const fields = body as Record<string, unknown>
  const unknown = Object.keys(fields).filter((key) => key !== 'title' && key !== 'template')
  if (unknown.length > 0)
    return invalid(`unrecognized key(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}`)
  const value: CreateBoardBody = {}
  if (fields.title !== undefined) {
    const title = typeof fields.title === 'string' ? fields.title.trim() : undefined
    if (title === undefined || title.length < 1 || title.length > maxTitleChars) {
      return invalid(`title: expected a string of 1 to ${maxTitleChars} characters (trimmed)`)
    }
    value.title = title
  }
  if (fields.template !== undefined) {
    const template = TEMPLATE_IDS.find((id) => id === fields.template)
    if (!template)
      return invalid(`template: expected one of ${TEMPLATE_IDS.map((id) => `"${id}"`).join(', ')}`)
    value.template = template
  }
  return { ok: true, value }
}
