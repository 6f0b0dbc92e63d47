/* The templates HTTP API: what a board can be made from, and saving a board as a template. */
import type { ApiResult } from './boardsApi'

export interface TemplateSummary {
  id: string
  title: string
  description: string
}

/** The server's order kept within each group: the built-ins as designed, saved ones oldest first. */
export interface TemplateGroups {
  builtIn: TemplateSummary[]
  saved: TemplateSummary[]
}

/** Saved templates' ids are `saved-…` (the server's savedTemplateId.ts); no built-in id is. */
export const isSavedTemplate = (template: TemplateSummary): boolean => template.id.startsWith('saved-')

export function groupTemplates(templates: readonly TemplateSummary[]): TemplateGroups {
  return {
    builtIn: templates.filter((t) => !isSavedTemplate(t)),
    saved: templates.filter(isSavedTemplate),
  }
}

/** The `error` of a JSON error body, or the text as it came (a proxy's page, a network failure). */
export function errorText(message: string): string {
  try {
    const parsed = JSON.parse(message) as { error?: unknown }
    if (typeof parsed.error === 'string') return parsed.error
  } catch {
    // not JSON: the text as it is
  }
  return message
}

async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, init)
    if (!response.ok) {
      const body = await response.text().catch(() => '')
      return { ok: false, status: response.status, message: errorText(body || response.statusText) }
    }
    return { ok: true, value: (await response.json()) as T }
  } catch (error) {
    return { ok: false, status: 0, message: `cannot reach the server: ${String(error)}` }
  }
}

export async function listTemplates(): Promise<ApiResult<TemplateSummary[]>> {
  const result = await call<{ templates: TemplateSummary[] }>('/api/templates')
  return result.ok ? { ok: true, value: result.value.templates } : result
}

/** Saves the board's structure (stages, lanes, personas, tags; never notes or values) as a template. */
export const saveTemplate = (
  access: { boardId: string; token: string },
  template: { title: string; description: string },
): Promise<ApiResult<TemplateSummary>> =>
  call('/api/templates', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access.token}` },
    body: JSON.stringify({
      boardId: access.boardId,
      title: template.title,
      description: template.description,
    }),
  })
