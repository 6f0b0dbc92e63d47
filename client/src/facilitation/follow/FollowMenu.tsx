/*
 * "Follow…" beside the participants: anyone can follow anyone's view (FollowController does the
 * following; a pan of one's own breaks away). One entry per person; the person followed now is marked.
 */
import { useCallback, useRef, useState } from 'react'
import { useOutsidePointerDown } from '../../panels/useOutsidePointerDown'
import { participantsOf, useIdentity, usePeers } from '../../presence/usePresence'
import { startFollowing, stopFollowing, useFollowing } from './followState'

/** An eye: follow where someone looks (drawn here, as the canvas's icons are). */
function EyeIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  )
}

export function FollowMenu() {
  const me = useIdentity()
  const people = participantsOf(usePeers(), me.id)
  const following = useFollowing((s) => s.following)
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useOutsidePointerDown(ref, '.follow-menu', close)
  if (people.length === 0) return null
  return (
    <div className="follow-menu participants__more" ref={ref}>
      <button
        type="button"
        className="icon-button follow-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Follow someone"
        title={following ? `Following ${following.name}` : 'Follow someone’s view'}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      >
        <EyeIcon />
      </button>
      {open && (
        <div className="participants__menu" role="menu" aria-label="Follow a person">
          {people.map((peer) => {
            const current = following?.userId === peer.user.id
            return (
              <button
                key={peer.user.id}
                type="button"
                role="menuitemcheckbox"
                aria-checked={current}
                onClick={() => {
                  setOpen(false)
                  if (current) stopFollowing()
                  else startFollowing({ userId: peer.user.id, name: peer.user.name, via: 'person' })
                }}
              >
                {current ? `Stop following ${peer.user.name}` : `Follow ${peer.user.name}`}
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}
