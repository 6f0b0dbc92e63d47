/** The static grid: cells, stage headers and lane headers. Never listens to events; redraws on layout change. */
import { memo } from 'react'
import { Group, Layer, Line, Rect, Text } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { buildGridScene, type SceneLabel } from '../../../shared/src/scene/buildScene'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import { HEADER_TEXT_MIN_SCALE } from '../scene/levelOfDetail'

const LANE_ACCENT: Record<string, string> = {
  actions: '#e6cf5c',
  touchpoints: '#7fb5ec',
  emotions: '#ec8fb3',
  'pain-points': '#f0a868',
  opportunities: '#8fd27a',
  custom: '#b4bac4',
}

/**
 * The "Unsorted" row's header: notes whose stage or lane was removed wait here, so it reads as a
 * holding area (warm tint, dashed edge above, a caption saying how to get notes out), not as a lane.
 */
function UnsortedHeader({ label, showText }: { label: SceneLabel; showText: boolean }) {
  return (
    <Group x={label.x} y={label.y}>
      <Rect
        width={label.w}
        height={label.h}
        fill={label.fill}
        stroke={BOARD_INK.gridLine}
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
      <Rect
        width={6}
        height={label.h}
        fill={BOARD_INK.unsortedText}
        opacity={0.55}
        perfectDrawEnabled={false}
      />
      {showText && (
        <>
          <Text
            x={26}
            y={22}
            width={label.w - 44}
            text={label.text}
            fill={label.textColor}
            fontFamily={BOARD_INK.font}
            fontStyle="700"
            fontSize={18}
            perfectDrawEnabled={false}
          />
          <Text
            x={26}
            y={50}
            width={label.w - 44}
            height={Math.max(0, label.h - 60)}
            text={label.caption}
            fill={label.textColor}
            opacity={0.8}
            fontFamily={BOARD_INK.font}
            fontSize={13}
            lineHeight={1.35}
            ellipsis
            perfectDrawEnabled={false}
          />
        </>
      )}
    </Group>
  )
}

interface Props {
  layout: BoardLayout
  showText: boolean
}

function GridLayerImpl({ layout, showText }: Props) {
  const grid = buildGridScene(layout)
  const laneKinds = new Map(layout.lanes.map((l) => [l.y, l.kind]))
  return (
    <Layer listening={false}>
      {/* A flat offset rectangle, not a blurred shadow: a board-sized blur cost ~40 % of every pan frame. */}
      <Rect
        x={0}
        y={6}
        width={grid.width}
        height={grid.height}
        fill="#1f2a44"
        opacity={0.08}
        cornerRadius={14}
        perfectDrawEnabled={false}
      />
      <Rect
        x={0}
        y={0}
        width={grid.width}
        height={grid.height}
        fill="#ffffff"
        stroke="#d9dde5"
        strokeWidth={1}
        cornerRadius={14}
        perfectDrawEnabled={false}
      />
      {grid.cells.map((cell) => (
        <Rect
          key={`${cell.x},${cell.y}`}
          x={cell.x}
          y={cell.y}
          width={cell.w}
          height={cell.h}
          fill={cell.fill}
          stroke={BOARD_INK.gridLine}
          strokeWidth={1}
          perfectDrawEnabled={false}
        />
      ))}
      {grid.stageHeaders.map((h, i) => (
        <Group key={`s${h.x}`} x={h.x} y={h.y}>
          <Rect
            width={h.w}
            height={h.h}
            fill={h.fill}
            cornerRadius={[i === 0 ? 0 : 0, i === grid.stageHeaders.length - 1 ? 14 : 0, 0, 0]}
            perfectDrawEnabled={false}
          />
          {i > 0 && <Rect width={1} height={h.h} fill="#34405e" perfectDrawEnabled={false} />}
          {showText && (
            <Text
              x={20}
              width={h.w - 40}
              height={h.h}
              verticalAlign="middle"
              text={h.text.toUpperCase()}
              fill={h.textColor}
              fontFamily={BOARD_INK.font}
              fontStyle="600"
              fontSize={16}
              letterSpacing={1.2}
              wrap="none"
              ellipsis
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
      <Rect
        x={0}
        y={0}
        width={layout.stages[0]?.x ?? 0}
        height={layout.lanes[0]?.y ?? 0}
        fill={BOARD_INK.stageHeaderFill}
        cornerRadius={[14, 0, 0, 0]}
        perfectDrawEnabled={false}
      />
      {grid.laneHeaders.map((h) =>
        h.caption !== undefined ? (
          <UnsortedHeader key="unsorted" label={h} showText={showText} />
        ) : (
          <Group key={`l${h.y}`} x={h.x} y={h.y}>
            <Rect
              width={h.w}
              height={h.h}
              fill={h.fill}
              stroke={BOARD_INK.gridLine}
              strokeWidth={1}
              perfectDrawEnabled={false}
            />
            <Rect
              x={0}
              y={0}
              width={6}
              height={h.h}
              fill={LANE_ACCENT[laneKinds.get(h.y) ?? 'custom'] ?? '#b4bac4'}
              perfectDrawEnabled={false}
            />
            {showText && (
              <Text
                x={26}
                y={22}
                width={h.w - 44}
                text={h.text}
                fill={h.textColor}
                fontFamily={BOARD_INK.font}
                fontStyle="600"
                fontSize={18}
                lineHeight={1.25}
                perfectDrawEnabled={false}
              />
            )}
          </Group>
        ),
      )}
      {layout.unsorted && (
        <Line
          points={[0, layout.unsorted.y, layout.width, layout.unsorted.y]}
          stroke={BOARD_INK.unsortedText}
          strokeWidth={2}
          dash={[10, 6]}
          opacity={0.45}
          perfectDrawEnabled={false}
        />
      )}
    </Layer>
  )
}

export const GridLayer = memo(GridLayerImpl)

export const gridShowsText = (scale: number): boolean => scale >= HEADER_TEXT_MIN_SCALE
