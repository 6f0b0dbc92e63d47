import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createLocalHistory, type LocalHistory } from '../doc/localHistory'
import { selectOnly, useUi } from '../state/ui'

/** This person's undo history for one board's document, bound to the UI's selection. */
export function useLocalHistory(doc: Y.Doc): LocalHistory | undefined {
  const [history, setHistory] = useState<LocalHistory>()
  // Made in an effect so that every history made is destroyed (StrictMode included).
  useEffect(() => {
    const made = createLocalHistory(doc, {
      get: () => useUi.getState().selection,
      restore: (ids) => selectOnly(ids),
    })
    setHistory(made)
    return () => {
      made.destroy()
      setHistory(undefined)
    }
  }, [doc])
  return history
}
