/** The static grid: cells, stage headers and lane headers. Never listens to events; redraws on layout change. */
import { memo } from 'react'
import { Group, Layer, Line, Rect, Text } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { buildGridScene, type SceneLabel } from '../../../shared/src/scene/buildScene'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import {
  BOARD_CORNER_RADIUS_PX,
  LANE_HEADER_TEXT,
  laneTitleHeight,
  STAGE_HEADER_TEXT,
  UNSORTED_CAPTION_TEXT,
} from '../../../shared/src/scene/textStyle'
import { HEADER_TEXT_MIN_SCALE } from '../scene/levelOfDetail'

const { insetLeftPx, insetRightPx, insetTopPx } = LANE_HEADER_TEXT

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
        width={LANE_HEADER_TEXT.accentWPx}
        height={label.h}
        fill={BOARD_INK.unsortedText}
        opacity={0.55}
        perfectDrawEnabled={false}
      />
      {showText && (
        <>
          <Text
            x={insetLeftPx}
            y={insetTopPx}
            width={label.w - insetLeftPx - insetRightPx}
            text={label.text}
            fill={label.textColor}
            fontFamily={BOARD_INK.font}
            fontStyle="700"
            fontSize={LANE_HEADER_TEXT.fontSizePx}
            perfectDrawEnabled={false}
          />
          <Text
            x={insetLeftPx}
            y={UNSORTED_CAPTION_TEXT.topPx}
            width={label.w - insetLeftPx - insetRightPx}
            height={Math.max(0, label.h - UNSORTED_CAPTION_TEXT.topPx - UNSORTED_CAPTION_TEXT.bottomPx)}
            text={label.caption}
            fill={label.textColor}
            opacity={0.8}
            fontFamily={BOARD_INK.font}
            fontSize={UNSORTED_CAPTION_TEXT.fontSizePx}
            lineHeight={UNSORTED_CAPTION_TEXT.lineHeight}
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
        cornerRadius={BOARD_CORNER_RADIUS_PX}
        perfectDrawEnabled={false}
      />
      <Rect
        x={0}
        y={0}
        width={grid.width}
        height={grid.height}
        fill={BOARD_INK.boardFill}
        stroke={BOARD_INK.gridLine}
        strokeWidth={1}
        cornerRadius={BOARD_CORNER_RADIUS_PX}
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
            cornerRadius={[0, i === grid.stageHeaders.length - 1 ? BOARD_CORNER_RADIUS_PX : 0, 0, 0]}
            perfectDrawEnabled={false}
          />
          {i > 0 && <Rect width={1} height={h.h} fill={BOARD_INK.stageDivider} perfectDrawEnabled={false} />}
          {showText && (
            <Text
              x={STAGE_HEADER_TEXT.insetXPx}
              width={h.w - 2 * STAGE_HEADER_TEXT.insetXPx}
              height={h.h}
              verticalAlign="middle"
              text={h.text.toUpperCase()}
              fill={h.textColor}
              fontFamily={BOARD_INK.font}
              fontStyle="600"
              fontSize={STAGE_HEADER_TEXT.fontSizePx}
              letterSpacing={STAGE_HEADER_TEXT.letterSpacingPx}
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
        cornerRadius={[BOARD_CORNER_RADIUS_PX, 0, 0, 0]}
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
              width={LANE_HEADER_TEXT.accentWPx}
              height={h.h}
              fill={h.accent}
              perfectDrawEnabled={false}
            />
            {showText && (
              <Text
                x={insetLeftPx}
                y={insetTopPx}
                width={h.w - insetLeftPx - insetRightPx}
                height={laneTitleHeight(h.h)}
                ellipsis
                text={h.text}
                fill={h.textColor}
                fontFamily={BOARD_INK.font}
                fontStyle="600"
                fontSize={LANE_HEADER_TEXT.fontSizePx}
                lineHeight={LANE_HEADER_TEXT.lineHeight}
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
