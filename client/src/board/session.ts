import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { CommandContext } from '../commands/registry'
import type { DocStores } from '../doc/docStores'

/** What every part of an open board needs: the document, its stores, the role, and the command context. */
export interface BoardSession {
  doc: Y.Doc
  stores: DocStores
  readOnly: boolean
  commands: CommandContext
}

export const BoardSessionContext = createContext<BoardSession | null>(null)

export function useBoardSession(): BoardSession {
  const session = useContext(BoardSessionContext)
  if (!session) throw new Error('useBoardSession: no BoardSessionContext provider above this component')
  return session
}
