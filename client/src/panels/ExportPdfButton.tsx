/*
 * The top bar's "Export…" button: opens the Export dialog (PDF, PNG, SVG), shows progress while a file
 * is drawn, and an alert if an export started by Ctrl+Shift+E (a PDF with the last options) failed.
 */
import { useSyncExternalStore } from 'react'
import {
  dismissPdfExportError,
  exportDialogState,
  pdfExportState,
  setExportDialogOpen,
} from '../export/pdfExport'

export function ExportPdfButton() {
  const state = useSyncExternalStore(pdfExportState.subscribe, pdfExportState.getSnapshot)
  const dialogOpen = useSyncExternalStore(exportDialogState.subscribe, exportDialogState.getSnapshot)
  const exporting = state.phase === 'exporting'
  return (
    <div className="export-pdf">
      <button
        type="button"
        className="button button--ghost"
        title="Export this board as PDF, PNG or SVG (Ctrl+Shift+E: PDF right away)"
        aria-haspopup="dialog"
        disabled={exporting}
        aria-busy={exporting}
        onClick={() => setExportDialogOpen(true)}
      >
        {exporting ? 'Exporting…' : 'Export…'}
      </button>
      {state.phase === 'failed' && !dialogOpen && (
        <div className="export-pdf__error" role="alert">
          {state.error}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissPdfExportError}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
