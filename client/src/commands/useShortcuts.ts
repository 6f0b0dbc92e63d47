import { useEffect } from 'react'
import { isTypingTarget } from './isTypingTarget'
import { type CommandContext, commandForKey, runCommand } from './registry'

/** Routes key presses to the command registry, except while the user types in a field or a dialog is open. */
export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      const target = e.target
      if (isTypingTarget(target)) return
      // Keys inside a dialog belong to it (Escape must close it, not clear the selection behind it).
      if (target instanceof Element && target.closest('dialog')) return
      const command = commandForKey(e)
      // Native commands (copy, cut, paste) run from the browser's own clipboard event.
      if (!command || command.native) return
      // Enter on a focused button activates the button, not "edit note".
      if (e.key === 'Enter' && target instanceof HTMLButtonElement) return
      if (runCommand(command.id, ctx)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [ctx])
}
