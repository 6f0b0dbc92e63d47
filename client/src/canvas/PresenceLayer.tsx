/**
 * Other people on the canvas: their cursors with name labels, outlines in their color around what
 * they have selected or are typing into, and a "Name is editing" tag on that note. One Konva layer that
 * never listens to events, above the interaction layer.
 *
 * Two render paths, on purpose: React renders the layer when `peers` changes (someone arrives, leaves,
 * selects, edits, goes idle) or the zoom changes; cursor *positions* are never React state. An
 * animation loop reads each cursor's latest target from the PresenceStore, glides the drawn cursor
 * toward it (smoothing.ts) and redraws this layer only, stopping once every cursor has settled. A
 * moving pointer thus touches no component and no other layer.
 */
import type Konva from 'konva'
import { memo, useCallback, useEffect, useRef } from 'react'
import { Group, Label, Layer, Path, Rect, Tag, Text } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import type { Point } from '../../../shared/src/layout/geometry'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import type { Peer } from '../presence/presenceStore'
import { stepToward } from '../presence/smoothing'
import { editorsLabel, usePeers, usePresence } from '../presence/usePresence'
import { selectScale, useUi } from '../state/ui'

/** A classic pointer arrow, tip at (0, 0), in screen pixels. */
const ARROW_PATH = 'M0 0 L0 17.5 L4.6 13.4 L7.7 20.4 L10.9 19 L7.9 12.2 L13.6 12.2 Z'
const LABEL = { offsetX: 13, offsetY: 19, fontSize: 12, padding: 5, radius: 6 } as const
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

function CursorsLayerImpl({ layout }: { layout: BoardLayout }) {
  const presence = usePresence()
  const peers = usePeers()
  const scale = useUi(selectScale)
  const layerRef = useRef<Konva.Layer>(null)
  const nodes = useRef(new Map<number, Konva.Group>())
  const drawn = useRef(new Map<number, Point>())
  const frame = useRef<number | null>(null)
  const lastFrameAt = useRef(0)

  // The animation loop: runs while some cursor is still gliding, then stops.
  const tick = useCallback(
    (now: number) => {
      frame.current = null
      const dt = lastFrameAt.current ? Math.min(100, now - lastFrameAt.current) : 16
      lastFrameAt.current = now
      const viewScale = useUi.getState().viewport.scale
      let moving = false
      for (const [clientId, node] of nodes.current) {
        const target = presence.peers.cursorTarget(clientId)
        if (!target) continue
        const from = drawn.current.get(clientId) ?? target
        const { point, settled } = stepToward(from, target, dt, viewScale)
        drawn.current.set(clientId, point)
        node.position(point)
        if (!settled) moving = true
      }
      layerRef.current?.batchDraw()
      if (moving) frame.current = requestAnimationFrame(tick)
      else lastFrameAt.current = 0
    },
    [presence],
  )
  const kick = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(tick)
  }, [tick])

  useEffect(() => {
    const stop = presence.peers.onCursorMove(kick)
    return () => {
      stop()
      if (frame.current !== null) cancelAnimationFrame(frame.current)
      frame.current = null
    }
  }, [presence, kick])

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

  // A cursor node appears: place it where it is at once, so it never flies in from the origin. One
  // stable ref callback per client, or React would detach and re-attach it on every render.
  const binders = useRef(new Map<number, (node: Konva.Group | null) => void>())
  const bindCursor = (clientId: number) => {
    let bind = binders.current.get(clientId)
    if (!bind) {
      bind = (node) => {
        if (!node) {
          nodes.current.delete(clientId)
          drawn.current.delete(clientId)
          binders.current.delete(clientId)
          return
        }
        nodes.current.set(clientId, node)
        const target = presence.peers.cursorTarget(clientId)
        if (target) {
          drawn.current.set(clientId, target)
          node.position(target)
        }
        kick()
      }
      binders.current.set(clientId, bind)
    }
    return bind
  }

  const inv = 1 / scale
  const marks = marksOf(peers, layout)
  return (
    <Layer ref={layerRef} listening={false}>
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
      {editingTags(peers).map((tag) => {
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
      {peers
        .filter((peer) => peer.cursorShown)
        .map((peer) => (
          // No shadow blurs: with 20 people moving, blurred cursors cost most of every frame.
          <Group key={peer.clientId} ref={bindCursor(peer.clientId)} scaleX={inv} scaleY={inv}>
            <Path
              data={ARROW_PATH}
              fill={peer.user.color}
              stroke="#ffffff"
              strokeWidth={1.5}
              lineJoin="round"
              perfectDrawEnabled={false}
            />
            <Label x={LABEL.offsetX} y={LABEL.offsetY}>
              <Tag fill={peer.user.color} cornerRadius={LABEL.radius} />
              <Text
                text={peer.user.name}
                fill="#ffffff"
                fontFamily={BOARD_INK.font}
                fontStyle="600"
                fontSize={LABEL.fontSize}
                padding={LABEL.padding}
                perfectDrawEnabled={false}
              />
            </Label>
          </Group>
        ))}
    </Layer>
  )
}

export const CursorsLayer = memo(CursorsLayerImpl)
