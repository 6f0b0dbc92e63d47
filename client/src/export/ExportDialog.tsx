/*
 * The Export dialog: PDF (page size, orientation, layout, cover and insights pages), PNG (the whole
 * board or the current view at 1×, 2× or 4×) or SVG (the whole board). A modal <dialog>, so focus stays
 * in it and Escape closes it; while a large board draws, a progress bar counts the notes drawn. It
 * closes itself when the file is handed to the browser, unless there is something to say about it.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  DEFAULT_PDF_OPTIONS,
  PAGE_SIZES,
  type PageSize,
  type PdfExportOptions,
} from '../../../shared/src/pdf/pdfOptions'
import {
  type ExportRequest,
  exportBoard,
  exportDialogState,
  lastPdfExportOptions,
  pdfExportState,
  setExportDialogOpen,
} from './pdfExport'

const PAGE_LABELS: Record<PageSize, string> = {
  poster: 'One poster page (whole map)',
  A4: 'A4',
  A3: 'A3',
  Letter: 'Letter',
  Tabloid: 'Tabloid',
}

type Format = ExportRequest['format']

export function ExportDialog({ doc }: { doc: Y.Doc }) {
  const open = useSyncExternalStore(exportDialogState.subscribe, exportDialogState.getSnapshot)
  const state = useSyncExternalStore(pdfExportState.subscribe, pdfExportState.getSnapshot)
  const ref = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<Format>('pdf')
  const [pdf, setPdf] = useState<PdfExportOptions>(lastPdfExportOptions)
  const [area, setArea] = useState<'board' | 'view'>('board')
  const [scale, setScale] = useState<1 | 2 | 4>(2)
  const [started, setStarted] = useState(false)
  const exporting = state.phase === 'exporting'

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  // Done: close, unless the export failed or has a message to show.
  useEffect(() => {
    if (!started || state.phase === 'exporting') return
    setStarted(false)
    if (state.phase === 'idle' && !state.message) setExportDialogOpen(false)
  }, [started, state])

  const paper = pdf.page !== 'poster'
  const request = (): ExportRequest =>
    format === 'pdf'
      ? { format, options: { ...pdf, language: navigator.language || DEFAULT_PDF_OPTIONS.language } }
      : format === 'png'
        ? { format, image: { area, scale } }
        : { format }
  const progress =
    state.phase === 'exporting' && state.total > 0 ? Math.min(1, state.done / state.total) : undefined

  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      aria-labelledby="export-title"
      onClose={() => setExportDialogOpen(false)}
      onCancel={(e) => {
        if (exporting) e.preventDefault()
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          setStarted(true)
          void exportBoard(doc, request())
        }}
      >
        <h2 id="export-title">Export board</h2>
        <fieldset className="export-dialog__group" disabled={exporting}>
          <legend>Format</legend>
          {(
            [
              ['pdf', 'PDF', 'vector, tagged for screen readers'],
              ['png', 'PNG image', 'pixels, for slides and chat'],
              ['svg', 'SVG', 'vector image of the whole board'],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className="export-dialog__choice">
              <input
                type="radio"
                name="format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {label} <span className="export-dialog__hint">{hint}</span>
            </label>
          ))}
        </fieldset>

        {format === 'pdf' && (
          <fieldset className="export-dialog__group" disabled={exporting}>
            <legend>PDF</legend>
            <label className="export-dialog__field">
              Page size
              <select value={pdf.page} onChange={(e) => setPdf({ ...pdf, page: e.target.value as PageSize })}>
                {PAGE_SIZES.map((p) => (
                  <option key={p} value={p}>
                    {PAGE_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
            <label className="export-dialog__field">
              Orientation
              <select
                value={pdf.orientation}
                disabled={!paper}
                onChange={(e) =>
                  setPdf({ ...pdf, orientation: e.target.value === 'portrait' ? 'portrait' : 'landscape' })
                }
              >
                <option value="landscape">Landscape</option>
                <option value="portrait">Portrait</option>
              </select>
            </label>
            <label className="export-dialog__field">
              Layout
              <select
                value={pdf.layout}
                disabled={!paper}
                onChange={(e) => setPdf({ ...pdf, layout: e.target.value === 'stages' ? 'stages' : 'fit' })}
              >
                <option value="fit">Whole map on each page</option>
                <option value="stages">Stages across pages, headers repeated</option>
              </select>
            </label>
            <label className="export-dialog__choice">
              <input
                type="checkbox"
                checked={pdf.cover}
                onChange={(e) => setPdf({ ...pdf, cover: e.target.checked })}
              />
              Cover page <span className="export-dialog__hint">title, date, stages</span>
            </label>
            <label className="export-dialog__choice">
              <input
                type="checkbox"
                checked={pdf.insights}
                onChange={(e) => setPdf({ ...pdf, insights: e.target.checked })}
              />
              Insights page <span className="export-dialog__hint">notes per kind and stage, pain points</span>
            </label>
          </fieldset>
        )}

        {format === 'png' && (
          <fieldset className="export-dialog__group" disabled={exporting}>
            <legend>Image</legend>
            <label className="export-dialog__field">
              Area
              <select value={area} onChange={(e) => setArea(e.target.value === 'view' ? 'view' : 'board')}>
                <option value="board">Whole board</option>
                <option value="view">Current view</option>
              </select>
            </label>
            <label className="export-dialog__field">
              Resolution
              <select value={scale} onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 4)}>
                <option value={1}>1×</option>
                <option value={2}>2× (sharp on most screens)</option>
                <option value={4}>4× (print)</option>
              </select>
            </label>
          </fieldset>
        )}

        <div className="export-dialog__status" aria-live="polite">
          {exporting && (
            <>
              <progress
                max={1}
                aria-label="Export progress"
                {...(progress !== undefined ? { value: progress } : {})}
              />
              <span>
                {state.total > 0
                  ? `Drawing notes: ${state.done.toLocaleString()} of ${state.total.toLocaleString()}`
                  : 'Preparing…'}
              </span>
            </>
          )}
          {state.phase === 'idle' && state.message && <p>{state.message}</p>}
          {state.phase === 'failed' && <p role="alert">{state.error}</p>}
        </div>

        <div className="confirm-dialog__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={exporting}
            onClick={() => setExportDialogOpen(false)}
          >
            {state.phase === 'idle' && state.message ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={exporting} aria-busy={exporting}>
            {exporting ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </button>
        </div>
      </form>
    </dialog>
  )
}
