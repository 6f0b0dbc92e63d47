/*
 * Writing a stage's goal in place: a textarea laid over the band under the stage's title (over the
 * first lane's top until a first description makes that band), scaled with the zoom like the rename
 * field. Enter or leaving writes it once (one undo step, never half-typed to colleagues);
 * Shift+Enter breaks the line; Escape cancels; an emptied field removes the description.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { MAX_STAGE_DESCRIPTION_CHARS, readStages } from '../../../shared/src/board/schema'
import { GRID, type HeaderRef, headerRect } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { useReturnFocus } from './useReturnFocus'

export function StageDescriptionField({ header }: { header: HeaderRef & { kind: 'stage' } }) {
  const { commands, doc } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  useReturnFocus(ref)
  const stage = readStages(doc).find((s) => s.id === header.id)
  const rect = headerRect(layout, header)

  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true })
    ref.current?.select()
  }, [])
  useEffect(() => {
    if (!stage) closeGridEdit()
  }, [stage])

  if (!stage || !rect) return null
  const finish = (commit: boolean) => {
    if (done.current) return
    done.current = true
    const value = ref.current?.value.trim() ?? ''
    if (commit && value !== (stage.description ?? ''))
      runCommand('stage.describe', commands, { header, text: value })
    closeGridEdit()
  }
  const top = rect.y + GRID.stageHeaderH - 8
  return (
    <textarea
      ref={ref}
      className="header-rename header-rename--stage stage-description-field"
      aria-label={`Description of ${stage.title}`}
      placeholder="The customer’s goal at this stage"
      defaultValue={stage.description ?? ''}
      maxLength={MAX_STAGE_DESCRIPTION_CHARS}
      spellCheck
      style={{
        left: rect.x * viewport.scale + viewport.x,
        top: top * viewport.scale + viewport.y,
        width: rect.w,
        height: GRID.stageDescriptionH + 8,
        transform: `scale(${viewport.scale})`,
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.nativeEvent.isComposing) return
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault()
          finish(true)
        } else if (e.key === 'Escape') {
          e.preventDefault()
          finish(false)
        }
      }}
      onBlur={() => finish(true)}
    />
  )
}
