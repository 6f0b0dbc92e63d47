/*
 * The editor of one content lane's cell, beside the cell: a channels cell's chips (add from the picker,
 * a custom label, reorder, remove), a metrics cell's value (and the lane's metric name and unit), a text
 * lane's block. A dialog without a modal backdrop: Escape or a press elsewhere closes it, focus comes
 * back to where it was. Every change runs a command.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { CHANNEL_LABELS } from '../../../shared/src/board/laneKinds/channelsLane'
import { getLaneKind } from '../../../shared/src/board/laneKinds/registry'
import { CHANNELS, type Channel } from '../../../shared/src/board/style'
import { cellRect } from '../../../shared/src/layout/grid'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import { CHANNEL_ICONS } from '../../../shared/src/scene/lanes/channelChips'
import { formatMetric } from '../../../shared/src/scene/lanes/metricRow'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy, useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { SceneIcon } from './SceneIcon'
import { useOutsidePointerDown } from './useOutsidePointerDown'
import { usePopupPosition } from './usePopupPosition'
import { useReturnFocus } from './useReturnFocus'

export function CellEditor({ cell }: { cell: CellRef }) {
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLDivElement>(null)
  useReturnFocus(ref)
  const rect = cellRect(layout, cell.stageId, cell.laneId)
  const place = usePopupPosition(ref, rect ? rectToScreen(viewport, rect) : null, 'right')
  useOutsidePointerDown(ref, '.cell-editor-opener', closeGridEdit)
  const lane = layout.lanes.find((l) => l.id === cell.laneId)
  const stage = layout.stages.find((s) => s.id === cell.stageId)
  useEffect(() => {
    if (!lane || !stage) closeGridEdit()
  }, [lane, stage])
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true })
  }, [])
  if (!lane || !stage) return null
  const holds = getLaneKind(lane.kind).layout.holds
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      closeGridEdit()
    }
  }
  const title = `${lane.title} · ${stage.title}`
  return (
    <div
      ref={ref}
      className="cell-editor"
      role="dialog"
      aria-label={title}
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, opacity: place ? 1 : 0 }}
      onKeyDown={onKeyDown}
    >
      <h2 className="cell-editor__title">{title}</h2>
      {holds === 'chips' && <ChipsEditor cell={cell} />}
      {holds === 'values' && <MetricEditor cell={cell} />}
      {holds === 'text' && <TextEditor cell={cell} />}
      <div className="cell-editor__actions">
        <button type="button" onClick={closeGridEdit}>
          Done
        </button>
      </div>
    </div>
  )
}

function ChipsEditor({ cell }: { cell: CellRef }) {
  const { commands } = useBoardSession()
  const { chipsByCell } = useBoardAnatomy()
  const chips = chipsByCell.get(`${cell.laneId}/${cell.stageId}`) ?? []
  const [label, setLabel] = useState('')
  const add = (channel: Channel) => {
    runCommand('chip.add', commands, { cell, content: { channel, label: channel === 'custom' ? label : '' } })
    if (channel === 'custom') setLabel('')
  }
  return (
    <>
      <ul className="cell-editor__chips" aria-label="Channels here">
        {chips.map((chip, i) => {
          const name = chip.label ?? CHANNEL_LABELS[chip.channel]
          return (
            <li key={chip.id}>
              <SceneIcon name={CHANNEL_ICONS[chip.channel]} />
              <span>{name}</span>
              <button
                type="button"
                aria-label={`Move ${name} earlier`}
                disabled={i === 0}
                onClick={() =>
                  runCommand('chip.move', commands, { cell, content: { chip: chip.id, step: -1 } })
                }
              >
                ←
              </button>
              <button
                type="button"
                aria-label={`Move ${name} later`}
                disabled={i === chips.length - 1}
                onClick={() =>
                  runCommand('chip.move', commands, { cell, content: { chip: chip.id, step: 1 } })
                }
              >
                →
              </button>
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => runCommand('chip.remove', commands, { cell, content: { chip: chip.id } })}
              >
                ×
              </button>
            </li>
          )
        })}
        {chips.length === 0 && <li className="cell-editor__empty">No channels yet</li>}
      </ul>
      <fieldset className="cell-editor__picker">
        <legend>Add a channel</legend>
        {CHANNELS.filter((c) => c !== 'custom').map((channel) => (
          <button key={channel} type="button" onClick={() => add(channel)}>
            <SceneIcon name={CHANNEL_ICONS[channel]} />
            {CHANNEL_LABELS[channel]}
          </button>
        ))}
      </fieldset>
      <form
        className="cell-editor__custom"
        onSubmit={(e) => {
          e.preventDefault()
          if (label.trim()) add('custom')
        }}
      >
        <label>
          Custom channel
          <input
            className="cell-editor__input"
            value={label}
            maxLength={60}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!label.trim()}>
          Add
        </button>
      </form>
    </>
  )
}

/** "12.5", "−3", "1,250" → a number; anything else is not a value. */
export function parseMetric(text: string): number | null {
  const clean = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/,/g, '')
    .replace(/\s*%$/, '')
  if (clean === '' || !/^-?\d*\.?\d+(e-?\d+)?$/i.test(clean)) return null
  const value = Number(clean)
  return Number.isFinite(value) ? value : null
}

function MetricEditor({ cell }: { cell: CellRef }) {
  const { commands } = useBoardSession()
  const { metricValues, lanes } = useBoardAnatomy()
  const lane = lanes.find((l) => l.id === cell.laneId)
  const current = metricValues.find((v) => v.laneId === cell.laneId && v.stageId === cell.stageId)
  const [text, setText] = useState(current === undefined ? '' : String(current.value))
  const [name, setName] = useState(lane?.metricName ?? '')
  const [unit, setUnit] = useState(lane?.metricUnit ?? '')
  const value = parseMetric(text)
  const invalid = text.trim() !== '' && value === null
  return (
    <form
      className="cell-editor__metric"
      onSubmit={(e) => {
        e.preventDefault()
        if (invalid) return
        runCommand('metric.set', commands, { cell, content: { value } })
        if (name !== (lane?.metricName ?? '') || unit !== (lane?.metricUnit ?? ''))
          runCommand('metric.name', commands, { cell, content: { metric: { name, unit } } })
        closeGridEdit()
      }}
    >
      <label>
        Value
        <input
          className="cell-editor__input"
          inputMode="decimal"
          value={text}
          aria-invalid={invalid}
          aria-describedby="metric-hint"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p id="metric-hint" className="cell-editor__hint">
        {invalid
          ? 'Type a number, e.g. 42 or −3.5'
          : value === null
            ? 'Empty: no value here'
            : `Shows as ${formatMetric(value, unit)}`}
      </p>
      <label>
        Metric
        <input
          className="cell-editor__input"
          value={name}
          maxLength={60}
          placeholder="Conversion"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Unit
        <input
          className="cell-editor__input"
          value={unit}
          maxLength={12}
          placeholder="%"
          onChange={(e) => setUnit(e.target.value)}
        />
      </label>
      <button type="submit" disabled={invalid}>
        Save
      </button>
    </form>
  )
}

function TextEditor({ cell }: { cell: CellRef }) {
  const { commands } = useBoardSession()
  const { laneTexts } = useBoardAnatomy()
  const stored = laneTexts.find((t) => t.laneId === cell.laneId && t.stageId === cell.stageId)?.text ?? ''
  return (
    <label className="cell-editor__text">
      Text
      <textarea
        className="cell-editor__input"
        rows={6}
        maxLength={5000}
        value={stored}
        onChange={(e) => runCommand('laneText.set', commands, { cell, content: { text: e.target.value } })}
      />
    </label>
  )
}
