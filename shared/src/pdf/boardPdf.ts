// A board's document as PDF bytes: snapshot → scene (and insights) → pages. The one entry the server and browser call.
import type * as Y from 'yjs'
import { readBoard } from '../board/schema'
import { buildScene } from '../scene/buildScene'
import { boardInsights } from './insights'
import { type PdfFontFiles, type PdfOptions, renderScenePdf } from './renderScenePdf'

export function boardPdf(doc: Y.Doc, fonts: PdfFontFiles, options: PdfOptions): Promise<Uint8Array> {
  const board = readBoard(doc)
  const insights = options.insights ?? boardInsights(board)
  return renderScenePdf(buildScene(board), fonts, { ...options, insights })
}
