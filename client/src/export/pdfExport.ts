/*
 * Export the open board as PDF, PNG or SVG: one state for the whole page (the Export dialog, the
 * top-bar button and the Ctrl+Shift+E command all start it and show it), with progress while a large
 * board draws. The renderers, their fonts and the download are imported only now. Ctrl+Shift+E exports
 * a PDF with the options last chosen in the dialog (the poster page until then).
 */
import type * as Y from 'yjs'
import { DEFAULT_PDF_OPTIONS, type PdfExportOptions } from '../../../shared/src/pdf/pdfOptions'
import type { ExternalStore } from '../doc/docStores'
import type { ImageRequest } from './renderBoardImage'

export type ExportRequest =
  | { format: 'pdf'; options: PdfExportOptions }
  | { format: 'png'; image: ImageRequest }
  | { format: 'svg' }

export type PdfExportState =
  | { phase: 'idle'; message?: string }
  | { phase: 'exporting'; format: ExportRequest['format']; done: number; total: number }
  | { phase: 'failed'; error: string }

let state: PdfExportState = { phase: 'idle' }
let dialogOpen = false
let lastPdfOptions: PdfExportOptions = DEFAULT_PDF_OPTIONS
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

function set(next: PdfExportState): void {
  state = next
  notify()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export const pdfExportState: ExternalStore<PdfExportState> = { subscribe, getSnapshot: () => state }

export const exportDialogState: ExternalStore<boolean> = { subscribe, getSnapshot: () => dialogOpen }

export const lastPdfExportOptions = (): PdfExportOptions => lastPdfOptions

export function setExportDialogOpen(open: boolean): void {
  dialogOpen = open
  notify()
}

export const dismissPdfExportError = (): void => set({ phase: 'idle' })

export async function exportBoard(doc: Y.Doc, request: ExportRequest): Promise<void> {
  if (state.phase === 'exporting') return
  if (request.format === 'pdf') lastPdfOptions = request.options
  set({ phase: 'exporting', format: request.format, done: 0, total: 0 })
  try {
    const { downloadBoard } = await import('./renderBoardPdf')
    const message = await downloadBoard(doc, request, (done, total) => {
      if (state.phase === 'exporting') set({ ...state, done, total })
    })
    set(message ? { phase: 'idle', message } : { phase: 'idle' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    set({ phase: 'failed', error: `Export failed: ${reason}` })
  }
}

export const exportPdf = (doc: Y.Doc): Promise<void> =>
  exportBoard(doc, { format: 'pdf', options: lastPdfOptions })
