/*
 * A content lane's cell in the accessible outline: an emotion lane's points as sliders (one per
 * persona, ↑/↓ to change, Delete to clear, named "Onboarding, Ana: −1, unhappy"), the "personas
 * diverge here" flag, a channels cell's chips, a metric's value and a text block, each with a button
 * that opens the cell's editor.
 */
import type { KeyboardEvent } from 'react'
import type { LaneId, StageId } from '../../../shared/src/board/ids'
import { CHANNEL_LABELS } from '../../../shared/src/board/laneKinds/channelsLane'
import type { CellContent } from '../../../shared/src/board/laneKinds/laneKind'
import { emotionCurves } from '../../../shared/src/scene/contentItems'
import {
  clampScore,
  DIVERGENCE_TEXT,
  divergentStages,
  EMOTION_WORDS,
  emotionPointName,
  signed,
} from '../../../shared/src/scene/lanes/emotionCurve'
import { formatMetric } from '../../../shared/src/scene/lanes/metricRow'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy } from '../doc/hooks'

interface Props {
  laneId: LaneId
  laneTitle: string
  stageId: StageId
  stageTitle: string
  holds: CellContent
}

export function OutlineContentCell({ laneId, laneTitle, stageId, stageTitle, holds }: Props) {
  if (holds === 'scores') return <EmotionPoints laneId={laneId} stageId={stageId} stageTitle={stageTitle} />
  if (holds === 'chips' || holds === 'values' || holds === 'text')
    return (
      <CellSummary
        laneId={laneId}
        laneTitle={laneTitle}
        stageId={stageId}
        stageTitle={stageTitle}
        holds={holds}
      />
    )
  return null
}

function EmotionPoints({ laneId, stageId, stageTitle }: Pick<Props, 'laneId' | 'stageId' | 'stageTitle'>) {
  const { commands, readOnly } = useBoardSession()
  const anatomy = useBoardAnatomy()
  const curves = emotionCurves(anatomy, laneId)
  const diverges = divergentStages(curves, [{ id: stageId, title: stageTitle, x: 0, w: 0 }]).length > 0
  const cell = { laneId, stageId }
  return (
    <>
      {curves.map((curve) => {
        const score = curve.scores.get(stageId)
        const name =
          score === undefined
            ? `${stageTitle}, ${curve.name}: no score`
            : emotionPointName(stageTitle, curve.name, score)
        const onKeyDown = (e: KeyboardEvent) => {
          if (readOnly) return
          const persona = curve.personaId
          if (e.key === 'ArrowUp' || e.key === 'ArrowRight')
            runCommand('emotion.nudge', commands, { cell, content: { persona, delta: 1 } })
          else if (e.key === 'ArrowDown' || e.key === 'ArrowLeft')
            runCommand('emotion.nudge', commands, { cell, content: { persona, delta: -1 } })
          else if (e.key === 'Home')
            runCommand('emotion.set', commands, { cell, content: { persona, value: 2 } })
          else if (e.key === 'End')
            runCommand('emotion.set', commands, { cell, content: { persona, value: -2 } })
          else if (e.key === 'Delete' || e.key === 'Backspace')
            runCommand('emotion.set', commands, { cell, content: { persona, value: null } })
          else return
          e.preventDefault()
          e.stopPropagation()
        }
        return (
          <div
            key={curve.personaId}
            role="slider"
            tabIndex={0}
            aria-label={name}
            aria-readonly={readOnly}
            aria-valuemin={-2}
            aria-valuemax={2}
            aria-valuenow={score}
            aria-valuetext={
              score === undefined ? 'no score' : `${signed(score)}, ${EMOTION_WORDS[clampScore(score)]}`
            }
            data-persona-id={curve.personaId}
            onKeyDown={onKeyDown}
          >
            {name}
          </div>
        )
      })}
      {diverges && <p>{DIVERGENCE_TEXT} here</p>}
    </>
  )
}

function CellSummary({ laneId, laneTitle, stageId, stageTitle, holds }: Props) {
  const { commands, readOnly } = useBoardSession()
  const { chipsByCell, metricValues, laneTexts, lanes } = useBoardAnatomy()
  const cell = { laneId, stageId }
  let summary: string
  if (holds === 'chips') {
    const chips = chipsByCell.get(`${laneId}/${stageId}`) ?? []
    summary = chips.length
      ? `Channels: ${chips.map((c) => c.label ?? CHANNEL_LABELS[c.channel]).join(', ')}`
      : 'No channels'
  } else if (holds === 'values') {
    const lane = lanes.find((l) => l.id === laneId)
    const value = metricValues.find((v) => v.laneId === laneId && v.stageId === stageId)
    const name = lane?.metricName ?? laneTitle
    summary = value ? `${name}: ${formatMetric(value.value, lane?.metricUnit ?? '')}` : `${name}: no value`
  } else {
    const text = laneTexts.find((t) => t.laneId === laneId && t.stageId === stageId)?.text ?? ''
    summary = text.trim() ? text : 'No text'
  }
  const verb = holds === 'chips' ? 'Edit channels' : holds === 'values' ? 'Edit value' : 'Edit text'
  return (
    <>
      <p>{summary}</p>
      {!readOnly && (
        <button
          type="button"
          className="cell-editor-opener"
          aria-haspopup="dialog"
          onClick={() => runCommand('cell.edit', commands, { cell })}
        >
          {`${verb}: ${laneTitle}, ${stageTitle}`}
        </button>
      )}
    </>
  )
}
