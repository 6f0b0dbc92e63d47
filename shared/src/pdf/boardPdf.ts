// A board's document as PDF bytes: snapshot → scene → page. The one entry the server and browser call.
import type * as Y from 'yjs'
import { readBoard } from '../board/schema'
import { buildScene } from '../scene/buildScene'
import { type PdfFontFiles, type PdfOptions, renderScenePdf } from './renderScenePdf'

export function boardPdf(doc: Y.Doc, fonts: PdfFontFiles, options: PdfOptions): Promise<Uint8Array> {
  return renderScenePdf(buildScene(readBoard(doc)), fonts, options)
}
