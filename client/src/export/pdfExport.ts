/*
 * Export the open board as PDF: one state for the whole page (the top-bar button and the command both
 * start it and show it); the renderer, its fonts and the download are imported only now.
 */
import type * as Y from 'yjs'
import type { ExternalStore } from '../doc/docStores'

export type PdfExportState = { phase: 'idle' } | { phase: 'exporting' } | { phase: 'failed'; error: string }

let state: PdfExportState = { phase: 'idle' }
const listeners = new Set<() => void>()

function set(next: PdfExportState): void {
  state = next
  for (const listener of listeners) listener()
}

export const pdfExportState: ExternalStore<PdfExportState> = {
  subscribe(listener) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  getSnapshot: () => state,
}

export const dismissPdfExportError = (): void => set({ phase: 'idle' })

export async function exportPdf(doc: Y.Doc): Promise<void> {
  if (state.phase === 'exporting') return
  set({ phase: 'exporting' })
  try {
    const { downloadBoardPdf } = await import('./renderBoardPdf')
    await downloadBoardPdf(doc)
    set({ phase: 'idle' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    set({ phase: 'failed', error: `Export failed: ${reason}` })
  }
}
