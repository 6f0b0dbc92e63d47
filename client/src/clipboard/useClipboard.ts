/*
 * Copy, cut and paste of notes through the browser's own clipboard events, which carry a DataTransfer
 * that takes several formats at once (see noteClipboard.ts). Events aimed at a text field, or a copy
 * of text the user selected on the page, are left to the browser. What changes the board (the delete
 * of a cut, a paste) runs as a command.
 */
import { useEffect } from 'react'
import { isTypingTarget } from '../commands/isTypingTarget'
import { type CommandContext, runCommand } from '../commands/registry'
import { copySelection } from './copySelection'
import { readClipboard } from './noteClipboard'

const hasPageTextSelection = (): boolean => (window.getSelection()?.toString() ?? '') !== ''

export function useClipboard(ctx: CommandContext): void {
  useEffect(() => {
    const onCopyOrCut = (e: ClipboardEvent) => {
      if (!e.clipboardData || isTypingTarget(e.target) || hasPageTextSelection()) return
      const data = copySelection(ctx)
      if (!data) return
      for (const [type, value] of Object.entries(data)) e.clipboardData.setData(type, value)
      e.preventDefault()
      // On a view link a cut is a copy: the delete is refused.
      if (e.type === 'cut') runCommand('note.delete', ctx)
    }
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData || isTypingTarget(e.target) || ctx.readOnly) return
      const data = e.clipboardData
      const pasted = readClipboard((type) => data.getData(type))
      if (pasted.kind === 'none') return
      e.preventDefault()
      runCommand('edit.paste', ctx, { pasted: pasted.notes })
    }
    document.addEventListener('copy', onCopyOrCut)
    document.addEventListener('cut', onCopyOrCut)
    document.addEventListener('paste', onPaste)
    return () => {
      document.removeEventListener('copy', onCopyOrCut)
      document.removeEventListener('cut', onCopyOrCut)
      document.removeEventListener('paste', onPaste)
    }
  }, [ctx])
}
