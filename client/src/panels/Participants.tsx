/*
 * Who is on the board, in the top bar: my avatar first (click to change my name), then everyone else
 * as initials in their color, a "+N" for the rest, and a count. Clicking a person jumps our view to
 * what they are looking at. A person with two tabs open counts once.
 */
import { useEffect, useRef, useState } from 'react'
import { FollowMenu } from '../facilitation/follow/FollowMenu'
import { initials } from '../presence/identity'
import { viewportShowing } from '../presence/jumpTo'
import type { Peer } from '../presence/presenceStore'
import { participantsOf, useIdentity, usePeers } from '../presence/usePresence'
import { setViewport, useUi } from '../state/ui'
import { NameDialog } from './NameDialog'

/** Avatars shown before the rest fold into "+N". */
const MAX_AVATARS = 5

function jumpTo(peer: Peer): void {
  if (!peer.view) return
  setViewport(viewportShowing(peer.view, useUi.getState().canvasSize))
}

const jumpTitle = (peer: Peer): string =>
  peer.view ? `${peer.user.name} — go to where they are looking` : peer.user.name

function Avatar({ peer, onJump }: { peer: Peer; onJump: (peer: Peer) => void }) {
  return (
    <button
      type="button"
      className="avatar"
      style={{ background: peer.user.color }}
      title={jumpTitle(peer)}
      aria-label={`Go to ${peer.user.name}`}
      data-person={peer.user.name}
      onClick={() => onJump(peer)}
    >
      {initials(peer.user.name)}
    </button>
  )
}

function Overflow({ people, onJump }: { people: Peer[]; onJump: (peer: Peer) => void }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node))
        setOpen(false)
    }
    window.addEventListener('pointerdown', close)
    window.addEventListener('keydown', close)
    return () => {
      window.removeEventListener('pointerdown', close)
      window.removeEventListener('keydown', close)
    }
  }, [open])
  return (
    <div className="participants__more" ref={ref}>
      <button
        type="button"
        className="avatar avatar--more"
        aria-expanded={open}
        aria-label={`${people.length} more ${people.length === 1 ? 'person' : 'people'}`}
        title="Everyone else on this board"
        onClick={() => setOpen(!open)}
      >
        +{people.length}
      </button>
      {open && (
        <ul className="participants__menu" aria-label="More people">
          {people.map((peer) => (
            <li key={peer.user.id}>
              <button
                type="button"
                title={jumpTitle(peer)}
                onClick={() => {
                  setOpen(false)
                  onJump(peer)
                }}
              >
                <span
                  className="avatar avatar--small"
                  style={{ background: peer.user.color }}
                  aria-hidden="true"
                >
                  {initials(peer.user.name)}
                </span>
                {peer.user.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function Participants() {
  const me = useIdentity()
  const others = participantsOf(usePeers(), me.id)
  const [renaming, setRenaming] = useState(false)
  const shown = others.slice(0, MAX_AVATARS)
  const rest = others.slice(MAX_AVATARS)
  const count = others.length + 1
  return (
    <fieldset className="participants" aria-label="Participants">
      <div className="participants__stack">
        <button
          type="button"
          className="avatar avatar--me"
          style={{ background: me.color }}
          title={`You${me.name ? ` (${me.name})` : ''} — change your name`}
          aria-label="Change your name"
          onClick={() => setRenaming(true)}
        >
          {initials(me.name ?? '?')}
        </button>
        {shown.map((peer) => (
          <Avatar key={peer.user.id} peer={peer} onJump={jumpTo} />
        ))}
        {rest.length > 0 && <Overflow people={rest} onJump={jumpTo} />}
      </div>
      <FollowMenu />
      <output className="participants__count" aria-label="People here" title={`${count} on this board`}>
        {count}
      </output>
      {(me.name === null || renaming) && (
        <NameDialog mode={me.name === null ? 'welcome' : 'rename'} onClose={() => setRenaming(false)} />
      )}
    </fieldset>
  )
}
