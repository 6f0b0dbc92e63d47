/*
 * Renaming a stage or lane in place: a DOM input laid over its header on the canvas (same box and type,
 * scaled with the zoom), like the note editor. Enter or leaving the field renames; Escape cancels. The
 * name is written once, on commit, so a half-typed name never reaches colleagues and it is one undo step.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { MAX_TITLE_CHARS } from '../../../shared/src/board/limits'
import { GRID, type HeaderRef, headerRect, headerTitle } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { axisName } from '../commands/headerMenu'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { useReturnFocus } from './useReturnFocus'

export function HeaderRenameField({ header }: { header: HeaderRef }) {
  const { commands } = useBoardSession()
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLInputElement>(null)
  const done = useRef(false)
  useReturnFocus(ref)
  const title = headerTitle(layout, header)
  const rect = headerRect(layout, header)

  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true })
    ref.current?.select()
  }, [])

  // Removed by a colleague while we typed: there is nothing left to rename.
  useEffect(() => {
    if (title === null) closeGridEdit()
  }, [title])

  if (title === null || !rect) return null
  const finish = (commit: boolean) => {
    if (done.current) return
    done.current = true
    const value = ref.current?.value.trim() ?? ''
    if (commit && value !== '' && value !== title)
      runCommand('header.rename', commands, { header, title: value })
    closeGridEdit()
  }
  // A lane's title sits at the top of its tall header; the field covers only that line.
  const box = header.kind === 'stage' ? { ...rect, h: GRID.stageHeaderH } : { ...rect, y: rect.y + 12, h: 44 }
  return (
    <input
      ref={ref}
      className={`header-rename header-rename--${header.kind}`}
      aria-label={`${axisName(header.kind)} name`}
      defaultValue={title}
      maxLength={MAX_TITLE_CHARS}
      spellCheck
      style={{
        left: box.x * viewport.scale + viewport.x,
        top: box.y * viewport.scale + viewport.y,
        width: header.kind === 'stage' ? box.w : GRID.laneHeaderW - 12,
        height: box.h,
        transform: `scale(${viewport.scale})`,
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.nativeEvent.isComposing) return
        if (e.key === 'Enter') {
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
