/*
 * Other people's marks on the canvas: outlines in their color around what they have selected or are
 * typing into, and a "Name is editing" tag on that note. One Konva layer that never listens to events,
 * above the interaction layer; React renders it when `peers` changes (someone arrives, leaves, selects,
 * edits) or the zoom changes, which is a few times a minute. Their moving pointers are not drawn here
 * but in RemoteCursors.tsx, over the canvas: redrawing a stage-sized layer every frame while they glide
 * was most of the main thread's work with 18 people on the board.
 *
 * This layer also reports my own pointer, which the presence session publishes to the others.
 */
import type Konva from 'konva'
import { memo, useEffect, useRef } from 'react'
import { Label, Layer, Rect, Tag, Text } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import { useNoteDots } from '../facilitation/voting/useVote'
import type { Peer } from '../presence/presenceStore'
import { editorsLabel, usePeers, usePresence } from '../presence/usePresence'
import { selectScale, useUi } from '../state/ui'

/** The editing tag straddles the top edge of the note's outline, so it stays clear of the note above. */
const TAG = { fontSize: 11, padding: 4, radius: 5, insetPx: 8 } as const
/** Others' outlines sit this far outside the note (ours is at 3px), nesting outward by RING_STEP_PX. */
const OUTLINE_PAD_PX = 6
const RING_STEP_PX = 4

interface Mark {
  id: NoteId
  color: string
  /** Outlines nest outward when several people mark the same note. */
  ring: number
  editing: boolean
}

function marksOf(peers: readonly Peer[], layout: BoardLayout): Mark[] {
  const rings = new Map<NoteId, number>()
  const marks: Mark[] = []
  for (const peer of peers) {
    const ids = new Set(peer.selection)
    if (peer.editing) ids.add(peer.editing)
    for (const id of ids) {
      if (!layout.notes.has(id)) continue
      const ring = rings.get(id) ?? 0
      rings.set(id, ring + 1)
      marks.push({ id, color: peer.user.color, ring, editing: peer.editing === id })
    }
  }
  return marks
}

function editingTags(peers: readonly Peer[]): { id: NoteId; text: string; color: string }[] {
  const seen = new Set<NoteId>()
  const tags = []
  for (const peer of peers) {
    if (!peer.editing || seen.has(peer.editing)) continue
    seen.add(peer.editing)
    tags.push({ id: peer.editing, text: editorsLabel(peers, peer.editing), color: peer.user.color })
  }
  return tags
}

function PresenceLayerImpl({ layout }: { layout: BoardLayout }) {
  const presence = usePresence()
  const peers = usePeers()
  const scale = useUi(selectScale)
  const layerRef = useRef<Konva.Layer>(null)

  // Report my own pointer, in the canvas's screen pixels; the session turns it into board units.
  useEffect(() => {
    const container = layerRef.current?.getStage()?.container()
    if (!container) return
    const move = (e: PointerEvent) => {
      const bounds = container.getBoundingClientRect()
      presence.setPointer({ x: e.clientX - bounds.left, y: e.clientY - bounds.top })
    }
    const leave = () => presence.setPointer(null)
    container.addEventListener('pointermove', move)
    container.addEventListener('pointerleave', leave)
    return () => {
      container.removeEventListener('pointermove', move)
      container.removeEventListener('pointerleave', leave)
      presence.setPointer(null)
    }
  }, [presence])

  const inv = 1 / scale
  const marks = marksOf(peers, layout)
  const tags = editingTags(peers)
  // Dot-vote badges (issue 16): drawn here, on a layer that exists anyway, rather than on a canvas more.
  const dots = useNoteDots()
  return (
    // Hidden while empty (most of the time): see EMPTY_LAYER_HIDDEN in InteractionLayer.tsx.
    <Layer ref={layerRef} listening={false} visible={marks.length > 0 || tags.length > 0 || dots.size > 0}>
      {marks.map((mark) => {
        const box = layout.notes.get(mark.id)
        if (!box) return null
        // Outside our own selection outline (3px), so both show when we pick the same note.
        const pad = (OUTLINE_PAD_PX + mark.ring * RING_STEP_PX) * inv
        return (
          <Rect
            key={`${mark.id}:${mark.ring}`}
            x={box.x - pad}
            y={box.y - pad}
            width={box.w + 2 * pad}
            height={box.h + 2 * pad}
            stroke={mark.color}
            strokeWidth={(mark.editing ? 2.5 : 2) * inv}
            dash={mark.editing ? undefined : [6 * inv, 4 * inv]}
            cornerRadius={10 + pad}
            perfectDrawEnabled={false}
          />
        )
      })}
      {tags.map((tag) => {
        const box = layout.notes.get(tag.id)
        if (!box) return null
        const height = TAG.fontSize + 2 * TAG.padding
        return (
          <Label
            key={`tag:${tag.id}`}
            x={box.x + (TAG.insetPx - OUTLINE_PAD_PX) * inv}
            y={box.y - (OUTLINE_PAD_PX + height / 2) * inv}
            scaleX={inv}
            scaleY={inv}
          >
            <Tag fill={tag.color} cornerRadius={TAG.radius} />
            <Text
              text={`✎ ${tag.text}`}
              fill="#ffffff"
              fontFamily={BOARD_INK.font}
              fontStyle="600"
              fontSize={TAG.fontSize}
              padding={TAG.padding}
              perfectDrawEnabled={false}
            />
          </Label>
        )
      })}
      {[...dots].map(([id, count]) => {
        const box = layout.notes.get(id as NoteId)
        if (!box) return null
        return (
          <Label
            key={`dots:${id}`}
            x={box.x + box.w - 36 * inv}
            y={box.y - 9 * inv}
            scaleX={inv}
            scaleY={inv}
          >
            <Tag fill={BOARD_INK.stageHeaderFill} cornerRadius={9} />
            <Text
              name="vote-dots"
              text={`● ${count}`}
              fill="#ffffff"
              fontFamily={BOARD_INK.font}
              fontStyle="700"
              fontSize={12}
              padding={4}
              perfectDrawEnabled={false}
            />
          </Label>
        )
      })}
    </Layer>
  )
}

export const PresenceLayer = memo(PresenceLayerImpl)
