import { useCallback, useEffect, useRef, useState } from 'react'
import type { Role } from '../api/boardsApi'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import type { ConnectionStatus as Status } from '../doc/connectBoard'
import type { ExternalStore } from '../doc/docStores'
import { useBoardTitle } from '../doc/hooks'
import { ExportDialog } from '../export/ExportDialog'
import { FacilitateButton } from '../facilitation/FacilitateButton'
import { FacilitationTopBar } from '../facilitation/FacilitationTopBar'
import { PresentButton } from '../present/PresentationOverlay'
import { setPersonasOpen, useUi } from '../state/ui'
import { ConnectionStatus } from './ConnectionStatus'
import { CsvImportDialog } from './CsvImportDialog'
import { copyText } from './copyText'
import { ExportPdfButton } from './ExportPdfButton'
import { Participants } from './Participants'
import { PERSONAS_PANEL_ID } from './PersonasPanel'
import { SaveTemplateDialog } from './SaveTemplateDialog'
import { ShareDialog } from './ShareDialog'
import { useOutsidePointerDown } from './useOutsidePointerDown'

/** Who this page is on the board, for sharing and for the data downloads. */
export interface BoardAccess {
  boardId: string
  token: string
  role: Role
  /** This page's own link was rotated in the share dialog: reopen with the new token. */
  onOwnLinkRotated: (token: string) => void
}

/** Downloads the server's JSON or CSV export of the board (any role may). */
async function download(
  access: BoardAccess,
  extension: 'json' | 'csv',
  title: string,
): Promise<string | null> {
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(access.boardId)}/export.${extension}`, {
      headers: { authorization: `Bearer ${access.token}` },
    })
    if (!res.ok) return `the server answered ${res.status}`
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Journeyboard'}.${extension}`
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return null
  } catch (error) {
    return `cannot reach the server (${String(error)})`
  }
}

function DataMenu({ access }: { access: BoardAccess }) {
  const { readOnly } = useBoardSession()
  const title = useBoardTitle()
  const [open, setOpen] = useState(false)
  const [importing, setImporting] = useState(false)
  const [savingTemplate, setSavingTemplate] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useOutsidePointerDown(ref, '.topbar__more', close)
  const get = async (extension: 'json' | 'csv') => {
    setOpen(false)
    const failed = await download(access, extension, title)
    setError(failed && `Could not download the ${extension.toUpperCase()}: ${failed}`)
  }
  return (
    <div className="topbar__more" ref={ref}>
      <button
        type="button"
        className="button button--ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      >
        Data ▾
      </button>
      {open && (
        <div className="topbar__more-menu" role="menu" aria-label="Board data">
          <button type="button" role="menuitem" onClick={() => void get('json')}>
            Download JSON (lossless)
          </button>
          <button type="button" role="menuitem" onClick={() => void get('csv')}>
            Download CSV of notes
          </button>
          {!readOnly && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false)
                setImporting(true)
              }}
            >
              Import CSV…
            </button>
          )}
          {access.role !== 'view' && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false)
                setSavingTemplate(true)
              }}
            >
              Save as template…
            </button>
          )}
        </div>
      )}
      {error && (
        <div className="export-pdf__error" role="alert">
          {error}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setError(null)}>
            ×
          </button>
        </div>
      )}
      {!readOnly && <CsvImportDialog open={importing} onClose={() => setImporting(false)} />}
      {access.role !== 'view' && (
        <SaveTemplateDialog
          open={savingTemplate}
          onClose={() => setSavingTemplate(false)}
          access={access}
          boardTitle={title}
        />
      )}
    </div>
  )
}

function ShareButton({ access }: { access: BoardAccess }) {
  const [open, setOpen] = useState(false)
  if (access.role === 'view') return <CopyButton label="Copy link" text={location.href} />
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        Share…
      </button>
      <ShareDialog
        boardId={access.boardId}
        token={access.token}
        role={access.role}
        open={open}
        onClose={() => setOpen(false)}
        onOwnLinkRotated={access.onOwnLinkRotated}
      />
    </>
  )
}

function TitleField() {
  const { readOnly, commands } = useBoardSession()
  const title = useBoardTitle()
  const [draft, setDraft] = useState(title)
  useEffect(() => setDraft(title), [title])
  useEffect(() => {
    document.title = `${title} · Journeyboard`
  }, [title])
  if (readOnly) return <h1 className="topbar__title">{title}</h1>
  const save = () => {
    if (draft.trim() === '') setDraft(title)
    else if (draft !== title) runCommand('board.rename', commands, { title: draft })
  }
  return (
    <input
      className="topbar__title topbar__title--input"
      aria-label="Board title"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') {
          setDraft(title)
          e.currentTarget.blur()
        }
      }}
    />
  )
}

function CopyButton({ label, text }: { label: string; text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <button
      type="button"
      className="button button--ghost"
      title={state === 'failed' ? text : undefined}
      onClick={async () => {
        const copied = await copyText(text)
        setState(copied ? 'copied' : 'failed')
        setTimeout(() => setState('idle'), copied ? 1600 : 6000)
      }}
    >
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy blocked — link in tooltip' : label}
    </button>
  )
}

function PersonasButton() {
  const open = useUi((s) => s.personasOpen)
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-expanded={open}
      aria-controls={PERSONAS_PANEL_ID}
      onClick={() => setPersonasOpen(!open)}
    >
      Personas
    </button>
  )
}

function ZoomControls() {
  const { commands } = useBoardSession()
  const scale = useUi((s) => s.viewport.scale)
  return (
    <fieldset className="zoom" aria-label="Zoom">
      <button
        type="button"
        className="icon-button"
        title="Zoom out (−)"
        aria-label="Zoom out"
        onClick={() => runCommand('zoom.out', commands)}
      >
        −
      </button>
      <span className="zoom__value" aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      <button
        type="button"
        className="icon-button"
        title="Zoom in (+)"
        aria-label="Zoom in"
        onClick={() => runCommand('zoom.in', commands)}
      >
        +
      </button>
      <button
        type="button"
        className="button button--ghost"
        title="Zoom to fit (Shift+1)"
        onClick={() => runCommand('zoom.fit', commands)}
      >
        Zoom to fit
      </button>
    </fieldset>
  )
}

export function TopBar({
  access,
  status,
  unsynced,
}: {
  access: BoardAccess
  status: ExternalStore<Status>
  unsynced?: ExternalStore<number>
}) {
  const [menuOpen, setMenuOpen] = useState(false)
  const { doc } = useBoardSession()
  return (
    <header className="topbar">
      <a className="topbar__brand" href="/" title="All boards">
        <span className="brand-mark" aria-hidden="true" />
        <span className="sr-only">Journeyboard home</span>
      </a>
      <TitleField />
      <FacilitationTopBar />
      <div className="topbar__spacer" />
      {/* On a narrow screen the tools collapse behind this button (CSS shows it below 760 px). */}
      <button
        type="button"
        className="button button--ghost topbar__menu"
        aria-expanded={menuOpen}
        aria-controls="topbar-tools"
        onClick={() => setMenuOpen((open) => !open)}
      >
        Menu
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the click only closes the menu after a button in it chose something; the buttons themselves are the controls */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboards press the same buttons, whose clicks bubble here */}
      <div
        className="topbar__tools"
        id="topbar-tools"
        data-open={menuOpen}
        onClick={(e) => {
          // Present and Export take over the screen; zoom buttons are pressed repeatedly, so the menu stays.
          const button = (e.target as HTMLElement).closest('button')
          if (button && !button.closest('.zoom')) setMenuOpen(false)
        }}
      >
        <FacilitateButton />
        <Participants />
        <ConnectionStatus status={status} unsynced={unsynced} />
        <ZoomControls />
        <PersonasButton />
        <PresentButton />
        <ExportPdfButton />
        <DataMenu access={access} />
        <div className="topbar__share">
          <ShareButton access={access} />
        </div>
      </div>
      {/* Outside the collapsible tools: a closed menu must not hide the dialog it opened. */}
      <ExportDialog doc={doc} />
    </header>
  )
}
