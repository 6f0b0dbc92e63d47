import * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import { importErrorMessage } from '../../../shared/src/exchange/json'
import { applyTemplate, TEMPLATES } from '../../../shared/src/templates/applyTemplate'
import { applySavedTemplate, parseSavedTemplateBody } from '../../../shared/src/templates/savedTemplate'
import type { TemplateId } from '../../../shared/src/templates/template'
import type { BoardStore } from '../storage/BoardStore'

// A new board's first update, from a built-in template or a saved one. A saved template's body is
// parsed again here, not only when it was saved: the row may come from an older server or a hand
// edit, and a body readers would reject must not become a board.

export type BoardFromTemplate =
  | { ok: true; update: Uint8Array; summary: { title: string; noteCount: number } }
  | { ok: false; status: 400 | 500; error: string }

const isBuiltIn = (id: string): id is TemplateId => Object.hasOwn(TEMPLATES, id)

export async function boardFromTemplate(
  store: BoardStore,
  templateId: string,
  title: string,
): Promise<BoardFromTemplate> {
  const doc = new Y.Doc()
  try {
    if (isBuiltIn(templateId)) applyTemplate(doc, templateId, { title })
    else {
      const saved = await store.getTemplate(templateId)
      if (!saved) {
        return {
          ok: false,
          status: 400,
          error: `template: unknown template ${JSON.stringify(templateId)} (GET /api/templates lists them)`,
        }
      }
      let json: unknown
      try {
        json = JSON.parse(saved.body)
      } catch {
        json = undefined
      }
      const parsed = parseSavedTemplateBody(json)
      if (!parsed.ok) {
        return {
          ok: false,
          status: 500,
          error: `saved template ${JSON.stringify(templateId)} is damaged and cannot be used: ${importErrorMessage(parsed.errors)}`,
        }
      }
      applySavedTemplate(doc, parsed.value, { title, templateId })
    }
    return { ok: true, update: Y.encodeStateAsUpdate(doc), summary: readBoardSummary(doc) }
  } finally {
    doc.destroy()
  }
}
