import { useEffect, useState } from 'react'
import { boardLink } from '../api/knownBoards'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import type { ConnectionStatus as Status } from '../doc/connectBoard'
import type { ExternalStore } from '../doc/docStores'
import { useBoardTitle } from '../doc/hooks'
import { ExportDialog } from '../export/ExportDialog'
import { PresentButton } from '../present/PresentationOverlay'
import { useUi } from '../state/ui'
import { ConnectionStatus } from './ConnectionStatus'
import { copyText } from './copyText'
import { ExportPdfButton } from './ExportPdfButton'
import { Participants } from './Participants'

export interface BoardLinks {
  boardId: string
  editToken?: string
  viewToken?: string
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
  links,
  status,
  unsynced,
}: {
  links: BoardLinks
  status: ExternalStore<Status>
  unsynced?: ExternalStore<number>
}) {
  const { boardId, editToken, viewToken } = links
  const [menuOpen, setMenuOpen] = useState(false)
  const { doc } = useBoardSession()
  return (
    <header className="topbar">
      <a className="topbar__brand" href="/" title="All boards">
        <span className="brand-mark" aria-hidden="true" />
        <span className="sr-only">Journeyboard home</span>
      </a>
      <TitleField />
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
        <Participants />
        <ConnectionStatus status={status} unsynced={unsynced} />
        <ZoomControls />
        <PresentButton />
        <ExportPdfButton />
        <div className="topbar__share">
          {editToken && <CopyButton label="Copy edit link" text={boardLink(boardId, editToken)} />}
          {viewToken && <CopyButton label="Copy view link" text={boardLink(boardId, viewToken)} />}
          {!editToken && !viewToken && <CopyButton label="Copy link" text={location.href} />}
        </div>
      </div>
      {/* Outside the collapsible tools: a closed menu must not hide the dialog it opened. */}
      <ExportDialog doc={doc} />
    </header>
  )
}
