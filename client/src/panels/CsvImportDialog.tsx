/*
 * "Import CSV…": paste CSV or pick a file, see what it would add (the notes, and the stages and lanes
 * it creates because the board lacks them), then add it all in one step (one undo step), through the
 * board.importCsv command, so a view link cannot run it. The format is docs/export.md's "CSV".
 */
import { useEffect, useRef, useState } from 'react'
import { type CsvImportPlan, planCsvImport } from '../../../shared/src/exchange/csvImport'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'

const PREVIEW_ROWS = 8

export function CsvImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { doc, commands } = useBoardSession()
  const ref = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState('')
  const [plan, setPlan] = useState<CsvImportPlan | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
    if (open) {
      setText('')
      setPlan(null)
      setError(null)
    }
  }, [open])

  const preview = (csv: string) => {
    const result = planCsvImport(doc, csv)
    if (result.ok) {
      setPlan(result.plan)
      setError(null)
    } else {
      setPlan(null)
      setError(result.error)
    }
  }

  const commit = () => {
    if (plan && runCommand('board.importCsv', commands, { csvPlan: plan })) onClose()
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; keyboards close with Escape, natively
    <dialog
      ref={ref}
      className="share-dialog csv-import"
      aria-labelledby="csv-import-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div className="share-dialog__header">
        <h2 id="csv-import-title">Import notes from CSV</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted">
        Columns <code>stage</code>, <code>lane</code> and <code>text</code> (the CSV export's columns work as
        they are). Missing stages and lanes are created.
      </p>
      <label className="field">
        <span>Paste CSV</span>
        <textarea
          className="csv-import__text"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setPlan(null)
          }}
        />
      </label>
      <div className="csv-import__actions">
        <label className="button button--ghost import-board__pick">
          Pick a CSV file…
          <input
            type="file"
            accept="text/csv,.csv"
            className="sr-only"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (!file) return
              const csv = await file.text()
              setText(csv)
              preview(csv)
            }}
          />
        </label>
        <button
          type="button"
          className="button button--ghost"
          disabled={text.trim() === ''}
          onClick={() => preview(text)}
        >
          Preview
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {plan && (
        <section className="csv-import__preview" aria-label="Preview">
          <p role="status">
            {plan.notes.length} {plan.notes.length === 1 ? 'note' : 'notes'}
            {plan.newStages.length > 0 && `, new stages: ${plan.newStages.join(', ')}`}
            {plan.newLanes.length > 0 && `, new lanes: ${plan.newLanes.map((l) => l.title).join(', ')}`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Lane</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {plan.notes.slice(0, PREVIEW_ROWS).map((note) => (
                <tr key={note.row}>
                  <td>{note.stage}</td>
                  <td>{note.lane}</td>
                  <td>{note.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.notes.length > PREVIEW_ROWS && (
            <p className="muted">…and {plan.notes.length - PREVIEW_ROWS} more</p>
          )}
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={commit}>
              Add {plan.notes.length} {plan.notes.length === 1 ? 'note' : 'notes'}
            </button>
          </div>
        </section>
      )}
    </dialog>
  )
}
