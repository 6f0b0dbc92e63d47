/*
 * A persona's live goals, needs or frustrations text, for the personas panel's fields to observe.
 * Read only: unlike shared's getPersonaText it never makes what is missing (the persona.setText
 * command does, on the first keystroke), so rendering the panel never writes the board.
 */
import * as Y from 'yjs'
import type { PersonaId } from '../../../shared/src/board/ids'
import type { PersonaTextKey } from '../../../shared/src/board/records/persona'
import { getPersonas } from '../../../shared/src/board/schema'

export function personaTextOf(doc: Y.Doc, id: PersonaId, key: PersonaTextKey): Y.Text | null {
  const map = getPersonas(doc).get(id)
  const text = map instanceof Y.Map ? map.get(key) : undefined
  return text instanceof Y.Text ? text : null
}
