/* The top bar's "Export PDF" button: disabled with a progress label while exporting, an alert if it failed. */
import { useSyncExternalStore } from 'react'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { dismissPdfExportError, pdfExportState } from '../export/pdfExport'

export function ExportPdfButton() {
  const { commands } = useBoardSession()
  const state = useSyncExternalStore(pdfExportState.subscribe, pdfExportState.getSnapshot)
  const exporting = state.phase === 'exporting'
  return (
    <div className="export-pdf">
      <button
        type="button"
        className="button button--ghost"
        title="Download this board as a PDF (Ctrl+Shift+E)"
        disabled={exporting}
        aria-busy={exporting}
        onClick={() => runCommand('board.exportPdf', commands)}
      >
        {exporting ? 'Exporting…' : 'Export PDF'}
      </button>
      {state.phase === 'failed' && (
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
