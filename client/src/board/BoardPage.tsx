/*
 * An open board: checks the link's token with the server, connects the document, and lays out the
 * top bar, toolbar, canvas, text editor and accessible outline around it.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { isId } from '../../../shared/src/board/ids'
import { getBoard, type Role } from '../api/boardsApi'
import { bestToken, forgetToken, readKnownBoards, rememberBoard, rememberedRole } from '../api/knownBoards'
import { BoardCanvas } from '../canvas/BoardCanvas'
import { useClipboard } from '../clipboard/useClipboard'
import { type CommandContext, zoomToFit } from '../commands/registry'
import { useShortcuts } from '../commands/useShortcuts'
import { type BoardConnection, connectBoard } from '../doc/connectBoard'
import { DocStores } from '../doc/docStores'
import { DocStoresContext } from '../doc/hooks'
import { recordExists } from '../doc/recordExists'
import { FacilitatorPanel } from '../facilitation/FacilitatorPanel'
import { FollowController } from '../facilitation/follow/FollowController'
import { participantSecret } from '../facilitation/participantSecret'
import { PrivatePhasePanel } from '../facilitation/private/PrivatePhasePanel'
import { SpotlightOverlay } from '../facilitation/SpotlightOverlay'
import {
  FacilitationContext,
  type FacilitationSession,
  openFacilitation,
} from '../facilitation/useFacilitationDoc'
import { VotePanel } from '../facilitation/voting/VotePanel'
import { AccessibleOutline } from '../panels/AccessibleOutline'
import { ErrorBoundary } from '../panels/ErrorBoundary'
import { FilterBar } from '../panels/FilterBar'
import { GridControls } from '../panels/GridControls'
import { NewerSchemaBanner } from '../panels/NewerSchemaBanner'
import { NoteEditor } from '../panels/NoteEditor'
import { OutlineConnectors } from '../panels/OutlineConnectors'
import { PeopleOnBoard } from '../panels/PeopleOnBoard'
import { PersonasPanel } from '../panels/PersonasPanel'
import { ReadOnlyBanner } from '../panels/ReadOnlyBanner'
import { Toolbar } from '../panels/Toolbar'
import { type BoardAccess, TopBar } from '../panels/TopBar'
import { PresenceSession } from '../presence/presenceSession'
import { PresenceContext } from '../presence/usePresence'
import { FollowBanner } from '../present/FollowBanner'
import { PresentationOverlay } from '../present/PresentationOverlay'
import { pruneSelection, resetUi, useUi } from '../state/ui'
import { type BoardSession, BoardSessionContext } from './session'
import { useLocalHistory } from './useLocalHistory'

declare global {
  interface Window {
    /**
     * Read-only hooks for the e2e tests and the benchmark, which inspect the document the way a second
     * peer would. Set once the board has synced and painted; nothing in the app reads it.
     */
    __journeyboard?: { doc: BoardConnection['doc']; provider: BoardConnection['provider']; ready: boolean }
  }
}

/** The server's close code for a socket whose link was rotated (server/src/closeCodes.ts: linkRotated). */
const LINK_ROTATED = 4401

type Access =
  | { state: 'checking' }
  | { state: 'ok'; role: Role; token: string; participantId?: string }
  | { state: 'error'; title: string; detail: string }

function tokenFromHash(): string | null {
  const params = new URLSearchParams(location.hash.slice(1))
  return params.get('token')
}

export function BoardPage({ boardId }: { boardId: string }) {
  const [access, setAccess] = useState<Access>({ state: 'checking' })

  useEffect(() => {
    const known = readKnownBoards()[boardId]
    const token = tokenFromHash() ?? bestToken(known)
    if (!token) {
      setAccess({
        state: 'error',
        title: 'This board needs a link',
        detail: 'Ask the board’s owner for an edit or view link.',
      })
      return
    }
    let cancelled = false
    getBoard(boardId, token, participantSecret()).then((result) => {
      if (cancelled) return
      if (result.ok) {
        rememberBoard({ id: boardId, title: result.value.title, token, role: result.value.role })
        setAccess({ state: 'ok', role: result.value.role, token, participantId: result.value.participantId })
      } else if (result.status === 404) {
        setAccess({
          state: 'error',
          title: 'Board not found',
          detail: 'It may have been deleted, or the link is mistyped.',
        })
      } else if (result.status === 401 || result.status === 403) {
        setAccess({
          state: 'error',
          title: 'This link is not valid',
          detail: 'Its token was not accepted. Ask for a fresh link.',
        })
      } else if (result.status === 0 && rememberedRole(known, token)) {
        // The server is unreachable (offline, or down): open the copy kept in this browser with the
        // role this token had last time; the provider syncs when the server is back.
        setAccess({ state: 'ok', role: rememberedRole(known, token) as Role, token })
      } else {
        setAccess({ state: 'error', title: 'Cannot open this board', detail: result.message })
      }
    })
    return () => {
      cancelled = true
    }
  }, [boardId])

  if (access.state === 'checking') return <div className="page-message">Opening board…</div>
  if (access.state === 'error')
    return (
      <div className="page-message">
        <h1>{access.title}</h1>
        <p>{access.detail}</p>
        <a className="button" href="/">
          Back to all boards
        </a>
      </div>
    )
  return (
    <OpenBoard
      boardId={boardId}
      token={access.token}
      role={access.role}
      participantId={access.participantId}
    />
  )
}

function OpenBoard({
  boardId,
  token,
  role,
  participantId,
}: {
  boardId: string
  token: string
  role: Role
  participantId: string | undefined
}) {
  // Made in an effect (not a memo) so that every connection made is also destroyed, StrictMode included.
  const [live, setLive] = useState<{
    connection: BoardConnection
    stores: DocStores
    presence: PresenceSession
    facilitation: FacilitationSession
  } | null>(null)
  useEffect(() => {
    resetUi()
    const connection = connectBoard(boardId, token)
    const stores = new DocStores(connection.doc)
    const presence = new PresenceSession(connection.provider.awareness, localStorage)
    const facilitation = openFacilitation({ boardId, token, role, participantId })
    setLive({ connection, stores, presence, facilitation })
    return () => {
      facilitation.destroy()
      presence.destroy()
      stores.destroy()
      connection.destroy()
      window.__journeyboard = undefined
      delete document.body.dataset.boardReady
    }
  }, [boardId, token, role, participantId])
  if (!live) return <div className="page-message">Connecting…</div>
  return <BoardView boardId={boardId} token={token} role={role} {...live} />
}

interface BoardViewProps {
  boardId: string
  token: string
  role: Role
  connection: BoardConnection
  stores: DocStores
  presence: PresenceSession
  facilitation: FacilitationSession
}

function BoardView({ boardId, token, role, connection, stores, presence, facilitation }: BoardViewProps) {
  const readOnly = role === 'view'
  const synced = useSyncExternalStore(connection.synced.subscribe, connection.synced.getSnapshot)
  const editingNoteId = useUi((s) => s.editingNoteId)

  // A colleague deleting a selected note removes it from our selection too.
  useEffect(
    () => stores.layout.subscribe(() => pruneSelection((id) => recordExists(connection.doc, id))),
    [stores, connection],
  )

  const history = useLocalHistory(connection.doc)
  const commands: CommandContext = useMemo(
    () => ({
      doc: connection.doc,
      readOnly,
      getLayout: stores.layout.getSnapshot,
      history,
      facilitation: {
        doc: facilitation.facilitation.doc,
        isFacilitator: facilitation.isFacilitator,
        serverNow: facilitation.clock.now,
      },
    }),
    [connection, readOnly, stores, history, facilitation],
  )
  const session: BoardSession = useMemo(
    () => ({ doc: connection.doc, stores, readOnly, commands }),
    [connection, stores, readOnly, commands],
  )
  useShortcuts(commands)
  useClipboard(commands)

  const access: BoardAccess = useMemo(
    () => ({
      boardId,
      token,
      role,
      // Our own link was rotated: the old token is dead (our socket is being closed with 4401), so
      // reopen the board with the new one, as if the new link had been opened.
      onOwnLinkRotated: (next) => {
        forgetToken(boardId, token)
        rememberBoard({ id: boardId, token: next, role })
        location.replace(`/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(next)}`)
        location.reload()
      },
    }),
    [boardId, token, role],
  )
  const ended = useSyncExternalStore(connection.ended.subscribe, connection.ended.getSnapshot)
  useEffect(() => {
    if (ended?.code === LINK_ROTATED) forgetToken(boardId, token)
  }, [ended, boardId, token])

  // First paint after the first sync: fit the board, then tell tests the board is ready.
  const onFirstPaint = useCallback(() => {
    zoomToFit(stores.layout.getSnapshot())
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.__journeyboard = { doc: connection.doc, provider: connection.provider, ready: true }
        document.body.dataset.boardReady = 'true'
      }),
    )
  }, [stores, connection])

  if (ended) {
    const rotated = ended.code === LINK_ROTATED
    return (
      <div className="page-message" role="alert">
        <h1>{rotated ? 'This link was rotated' : 'The server closed this board'}</h1>
        <p>
          {rotated
            ? 'Someone who manages this board replaced the link you opened it with, so it no longer opens the board. Ask them for the new link.'
            : `It will not reconnect on its own (${ended.reason || `code ${ended.code}`}).`}
        </p>
        <a className="button" href="/">
          Back to all boards
        </a>
      </div>
    )
  }

  return (
    <BoardSessionContext.Provider value={session}>
      <FacilitationContext.Provider value={facilitation}>
        <DocStoresContext.Provider value={stores}>
          <PresenceContext.Provider value={presence}>
            <div className={`board-page${readOnly ? ' board-page--readonly' : ''}`}>
              <TopBar access={access} status={connection.status} unsynced={connection.unsynced} />
              {readOnly && <ReadOnlyBanner />}
              <NewerSchemaBanner />
              <main className="board-main">
                {synced ? (
                  <>
                    <ErrorBoundary area="The board canvas">
                      <BoardCanvas onFirstPaint={onFirstPaint} />
                      <SpotlightOverlay />
                      {editingNoteId && isId('note', editingNoteId) && !readOnly && (
                        <NoteEditor key={editingNoteId} id={editingNoteId} />
                      )}
                      <GridControls />
                      <FilterBar />
                    </ErrorBoundary>
                    {!readOnly && <Toolbar />}
                    <ErrorBoundary area="The board outline">
                      <AccessibleOutline />
                      <div className="sr-only">
                        <OutlineConnectors />
                      </div>
                    </ErrorBoundary>
                    <PeopleOnBoard />
                    <ErrorBoundary area="The personas panel">
                      <PersonasPanel />
                    </ErrorBoundary>
                    <ErrorBoundary area="The facilitate panel">
                      <FacilitatorPanel />
                    </ErrorBoundary>
                    <ErrorBoundary area="Dot voting">
                      <VotePanel />
                    </ErrorBoundary>
                    <ErrorBoundary area="Private phase">
                      <PrivatePhasePanel />
                    </ErrorBoundary>
                    <PresentationOverlay />
                    <FollowBanner />
                    <FollowController />
                  </>
                ) : (
                  <div className="page-message page-message--inline">Loading board…</div>
                )}
              </main>
            </div>
          </PresenceContext.Provider>
        </DocStoresContext.Provider>
      </FacilitationContext.Provider>
    </BoardSessionContext.Provider>
  )
}
