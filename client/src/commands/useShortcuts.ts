import { useEffect } from 'react'
import { type CommandContext, commandForKey, runCommand } from './registry'

/** Routes key presses to the command registry, except while the user types in a field. */
export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      const target = e.target
      if (
        target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      )
        return
      const command = commandForKey(e)
      if (!command) return
      // Enter on a focused button activates the button, not "edit note".
      if (e.key === 'Enter' && target instanceof HTMLButtonElement) return
      if (runCommand(command.id, ctx)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [ctx])
}
