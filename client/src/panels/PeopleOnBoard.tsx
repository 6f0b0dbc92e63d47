/*
 * The people on the board as text, visually hidden: screen readers (and end-to-end tests) read who is
 * here, whose pointer is on the canvas and who edits which note — what sighted people get from the
 * cursors and colored outlines, which live on a canvas no assistive technology can read.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import { useNote } from '../doc/hooks'
import type { Peer } from '../presence/presenceStore'
import { usePeers } from '../presence/usePresence'
import { noteLabel } from '../view/noteLabel'

function EditingNote({ id }: { id: NoteId }) {
  const note = useNote(id)
  return <>, editing “{note ? noteLabel(note.text) : 'a note'}”</>
}

function Person({ peer }: { peer: Peer }) {
  return (
    <li data-client-id={peer.clientId} data-cursor={peer.cursorShown ? 'shown' : 'hidden'}>
      <span className="person-name">{peer.user.name}</span>
      {peer.cursorShown && ', pointer on the board'}
      {peer.editing && <EditingNote id={peer.editing} />}
      {peer.selection.length > 0 &&
        `, ${peer.selection.length} ${peer.selection.length === 1 ? 'note' : 'notes'} selected`}
    </li>
  )
}

export function PeopleOnBoard() {
  const peers = usePeers()
  return (
    <ul className="sr-only" aria-label="People on this board">
      {peers.map((peer) => (
        <Person key={peer.clientId} peer={peer} />
      ))}
    </ul>
  )
}
